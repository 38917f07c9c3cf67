ALTER TABLE profiles ADD CONSTRAINT email_has_at CHECK (email LIKE '%@%') NOT VALID;
