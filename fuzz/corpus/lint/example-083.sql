UPDATE daily_usage SET message_count = 0 WHERE message_count IS NULL;
