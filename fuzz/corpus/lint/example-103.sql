-- file: down/20250918000000_create_notes.sql
DROP TABLE notes;
