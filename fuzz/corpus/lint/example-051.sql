ALTER TABLE daily_usage ADD COLUMN messages integer;
