SET lock_timeout = '4s';
SET statement_timeout = '15min';
ALTER TABLE daily_usage ADD COLUMN tier text;
