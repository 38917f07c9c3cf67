ALTER TABLE daily_usage ADD CONSTRAINT message_count_positive CHECK (message_count >= 0);
