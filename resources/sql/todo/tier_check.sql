-- The tier check of daily_usage, whose allowed values say whether the tier rename is done.
SELECT pg_get_constraintdef(oid) FROM pg_constraint
WHERE conname = 'daily_usage_tier_check' AND conrelid = to_regclass('public.daily_usage');
