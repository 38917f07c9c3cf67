ALTER TABLE daily_usage ADD CONSTRAINT daily_usage_user_date_key UNIQUE (user_id, usage_date);
