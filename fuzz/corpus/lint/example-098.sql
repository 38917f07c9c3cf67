CREATE TABLE notes (id bigint PRIMARY KEY);
VACUUM notes;
