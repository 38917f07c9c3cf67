VACUUM FULL daily_usage;
