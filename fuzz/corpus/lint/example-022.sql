ALTER TABLE daily_usage ALTER COLUMN message_count DROP NOT NULL;
