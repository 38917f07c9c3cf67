-- Down for 20251002090000_update_daily_usage_tiers: back to free, basic, premium.
--
-- Same steps as the up file, mirrored: drop the check, rename core -> basic and
-- studio -> premium, restore the old check under the same name. The names do not overlap, so
-- nothing collides, and up followed by down returns every row's tier to what it was (updated_at
-- of the renamed rows does move: they were changed twice).

ALTER TABLE public.daily_usage DROP CONSTRAINT daily_usage_tier_check;

UPDATE public.daily_usage
SET tier = CASE tier WHEN 'core' THEN 'basic' WHEN 'studio' THEN 'premium' END
WHERE tier IN ('core', 'studio');

ALTER TABLE public.daily_usage
    ADD CONSTRAINT daily_usage_tier_check CHECK (tier IN ('free', 'basic', 'premium'));

ALTER TABLE public.response_cache DROP CONSTRAINT response_cache_tier_check;

UPDATE public.response_cache
SET tier = CASE tier WHEN 'core' THEN 'basic' WHEN 'studio' THEN 'premium' END
WHERE tier IN ('core', 'studio');

ALTER TABLE public.response_cache
    ADD CONSTRAINT response_cache_tier_check CHECK (tier IN ('free', 'basic', 'premium'));
