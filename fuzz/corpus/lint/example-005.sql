ALTER TABLE daily_usage ADD CONSTRAINT user_id_not_null CHECK (user_id IS NOT NULL) NOT VALID;
