ALTER TABLE daily_usage ADD COLUMN request_id uuid;
ALTER TABLE daily_usage ALTER COLUMN request_id SET DEFAULT gen_random_uuid();
