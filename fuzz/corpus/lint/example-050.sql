ALTER TABLE daily_usage RENAME COLUMN message_count TO messages;
