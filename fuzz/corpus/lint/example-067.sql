CREATE TABLE notes (id bigint PRIMARY KEY, user_id uuid);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_notes ON notes USING (user_id = auth.uid());
