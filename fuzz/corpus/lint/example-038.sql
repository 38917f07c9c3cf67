CREATE TABLE counters (hits integer NOT NULL DEFAULT 0);
