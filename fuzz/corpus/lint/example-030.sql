ALTER TABLE daily_usage ALTER COLUMN message_count TYPE bigint;
