ALTER TABLE daily_usage ADD COLUMN message_count_big bigint;
