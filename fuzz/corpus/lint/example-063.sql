CREATE TABLE notes (id bigint PRIMARY KEY, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_read ON notes FOR SELECT TO authenticated USING (true);
