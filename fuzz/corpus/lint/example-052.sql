ALTER TABLE daily_usage RENAME TO usage_per_day;
