CREATE TABLE levels (rank smallint NOT NULL);
