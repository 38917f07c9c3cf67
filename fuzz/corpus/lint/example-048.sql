CREATE TABLE events (happened_at timestamp NOT NULL);
