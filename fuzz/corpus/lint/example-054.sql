CREATE INDEX daily_usage_date_idx ON daily_usage (usage_date);
