DROP INDEX daily_usage_date_idx;
