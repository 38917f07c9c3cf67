ALTER TABLE daily_usage ADD COLUMN tier text;
