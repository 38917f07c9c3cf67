-- 20251002090000_update_daily_usage_tiers
--
-- The product's plans are now called free, core and studio (formerly free, basic, premium).
-- daily_usage and response_cache both record a tier, so both change here, together: a cache
-- keyed by a tier that usage can no longer have would never be hit again.
--
-- Per table, in this order, inside the one transaction the engine opens for this file:
--   1. drop the old check (it would reject the new names),
--   2. rename the stored values: basic -> core, premium -> studio,
--   3. add the new check under the same name, so later migrations and tools find it as before.
-- The old and new names do not overlap, so the renames cannot collide with each other or with
-- response_cache's UNIQUE (query_hash, tier).
--
-- Cost: the UPDATE rewrites every basic/premium row (and the set_updated_at trigger stamps
-- updated_at, which is true: the row changed), and ADD CONSTRAINT scans the table under an
-- ACCESS EXCLUSIVE lock. On a large daily_usage, apply it in a quiet hour.

ALTER TABLE public.daily_usage DROP CONSTRAINT daily_usage_tier_check;

UPDATE public.daily_usage
SET tier = CASE tier WHEN 'basic' THEN 'core' WHEN 'premium' THEN 'studio' END
WHERE tier IN ('basic', 'premium');

ALTER TABLE public.daily_usage
    ADD CONSTRAINT daily_usage_tier_check CHECK (tier IN ('free', 'core', 'studio'));

ALTER TABLE public.response_cache DROP CONSTRAINT response_cache_tier_check;

UPDATE public.response_cache
SET tier = CASE tier WHEN 'basic' THEN 'core' WHEN 'premium' THEN 'studio' END
WHERE tier IN ('basic', 'premium');

ALTER TABLE public.response_cache
    ADD CONSTRAINT response_cache_tier_check CHECK (tier IN ('free', 'core', 'studio'));
