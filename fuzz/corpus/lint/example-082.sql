UPDATE daily_usage SET message_count = 0;
