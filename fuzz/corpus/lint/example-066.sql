CREATE TABLE notes (id bigint PRIMARY KEY, user_id uuid);
CREATE POLICY own_notes ON notes USING (user_id = auth.uid());
