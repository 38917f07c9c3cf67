ANALYZE daily_usage;
