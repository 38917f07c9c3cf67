CREATE TABLE levels (rank integer NOT NULL CHECK (rank BETWEEN 0 AND 100));
