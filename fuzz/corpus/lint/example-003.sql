ALTER TABLE daily_usage ADD CONSTRAINT daily_usage_user_fk FOREIGN KEY (user_id) REFERENCES auth.users (id) NOT VALID;
