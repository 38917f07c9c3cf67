ALTER TABLE daily_usage ADD COLUMN request_id uuid DEFAULT gen_random_uuid();
