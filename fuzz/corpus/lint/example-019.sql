ALTER TABLE daily_usage ALTER COLUMN legacy_count DROP DEFAULT;
