CREATE TABLE events (happened_at timestamptz NOT NULL);
