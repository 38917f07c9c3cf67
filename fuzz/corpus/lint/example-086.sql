ALTER TABLE daily_usage ADD COLUMN tier text;
UPDATE daily_usage SET tier = 'free' WHERE tier IS NULL;
