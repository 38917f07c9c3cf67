CREATE TABLE counters (hits bigint NOT NULL DEFAULT 0);
