ALTER TABLE daily_usage ADD CONSTRAINT daily_usage_pkey PRIMARY KEY USING INDEX daily_usage_id_idx;
