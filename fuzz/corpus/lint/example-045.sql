-- atlas:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS daily_usage_date_idx ON daily_usage (usage_date);
