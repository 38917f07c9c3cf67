-- atlas:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS daily_usage_date_idx;
