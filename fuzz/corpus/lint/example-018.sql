ALTER TABLE daily_usage DROP COLUMN legacy_count;
