ALTER TABLE daily_usage ALTER COLUMN message_count SET DEFAULT 0;
