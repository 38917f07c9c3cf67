-- file: 20250918000000_create_notes.down.sql
DROP TABLE notes;
