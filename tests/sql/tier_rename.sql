-- 20251002090000_update_daily_usage_tiers: the tiers become free, core, studio in daily_usage and
-- response_cache. Before it, 'core' is rejected and 'premium' accepted; after it the reverse;
-- stored rows are renamed (basic -> core, premium -> studio) and the down file renames them back.
\ir _helpers.psql
\i :migrations/20250918_create_usage_tracking_tables.sql

\set user_a 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d'
\o /dev/null
INSERT INTO auth.users (id, email) VALUES (:'user_a', 'ingrid.larsen@example.com');
\o

SELECT plan(28);

-- Before ------------------------------------------------------------------------------------------
SELECT lives_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES '
                       '(%1$L, DATE ''2025-09-01'', ''free''), (%1$L, DATE ''2025-09-02'', ''basic''), '
                       '(%1$L, DATE ''2025-09-03'', ''premium'')', :'user_a'),
                'before: free, basic and premium are accepted in daily_usage');
SELECT throws_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES (%L, DATE ''2025-09-04'', ''core'')', :'user_a'),
                 '23514', 'new row for relation "daily_usage" violates check constraint "daily_usage_tier_check"',
                 'before: core is rejected in daily_usage');
SELECT throws_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES (%L, DATE ''2025-09-04'', ''studio'')', :'user_a'),
                 '23514', NULL, 'before: studio is rejected in daily_usage');
SELECT lives_ok($$INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
                  VALUES ('q1', 'how do i forgive myself', 'short answer', 'free', now() + interval '1 day'),
                         ('q1', 'how do i forgive myself', 'longer answer', 'basic', now() + interval '1 day'),
                         ('q1', 'how do i forgive myself', 'deepest answer', 'premium', now() + interval '1 day')$$,
                'before: free, basic and premium are accepted in response_cache');
SELECT throws_ok($$INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
                   VALUES ('q2', 'x', 'x', 'core', now() + interval '1 day')$$,
                 '23514', 'new row for relation "response_cache" violates check constraint "response_cache_tier_check"',
                 'before: core is rejected in response_cache');

\o /dev/null
SELECT pg_temp.snapshot('catalog_before_tiers');
\o

-- Up ----------------------------------------------------------------------------------------------
SELECT lives_ok(:'tiers_up_sql', 'the tier migration applies');
SELECT results_eq('SELECT date::text, tier FROM public.daily_usage ORDER BY date',
                  $$VALUES ('2025-09-01', 'free'), ('2025-09-02', 'core'), ('2025-09-03', 'studio')$$,
                  'daily_usage rows renamed: basic -> core, premium -> studio, free stays');
SELECT results_eq('SELECT response, tier FROM public.response_cache ORDER BY id',
                  $$VALUES ('short answer', 'free'), ('longer answer', 'core'), ('deepest answer', 'studio')$$,
                  'response_cache rows renamed the same way');
SELECT * FROM pg_temp.verify(:'tiers_verify_sql', '20251002090000 verify script');
-- The console verifies every applied migration, so the older verify script must accept the rename.
SELECT * FROM pg_temp.verify(:'usage_verify_sql', '20250918 verify script with the tiers renamed');

SELECT lives_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES '
                       '(%1$L, DATE ''2025-09-05'', ''core''), (%1$L, DATE ''2025-09-06'', ''studio'')', :'user_a'),
                'after: core and studio are accepted in daily_usage');
SELECT throws_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES (%L, DATE ''2025-09-07'', ''premium'')', :'user_a'),
                 '23514', 'new row for relation "daily_usage" violates check constraint "daily_usage_tier_check"',
                 'after: premium is rejected in daily_usage');
SELECT throws_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES (%L, DATE ''2025-09-07'', ''basic'')', :'user_a'),
                 '23514', NULL, 'after: basic is rejected in daily_usage');
SELECT throws_ok($$INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
                   VALUES ('q2', 'x', 'x', 'premium', now() + interval '1 day')$$,
                 '23514', 'new row for relation "response_cache" violates check constraint "response_cache_tier_check"',
                 'after: premium is rejected in response_cache');
SELECT lives_ok(format('INSERT INTO public.daily_usage (user_id, date) VALUES (%L, DATE ''2025-09-08'')', :'user_a'),
                'after: the default tier (free) is still valid');

-- Down --------------------------------------------------------------------------------------------
SELECT lives_ok(:'tiers_down_sql', 'the down migration applies');
SELECT results_eq('SELECT date::text, tier FROM public.daily_usage ORDER BY date',
                  $$VALUES ('2025-09-01', 'free'), ('2025-09-02', 'basic'), ('2025-09-03', 'premium'),
                           ('2025-09-05', 'basic'), ('2025-09-06', 'premium'), ('2025-09-08', 'free')$$,
                  'down renames daily_usage rows back: core -> basic, studio -> premium');
SELECT results_eq('SELECT response, tier FROM public.response_cache ORDER BY id',
                  $$VALUES ('short answer', 'free'), ('longer answer', 'basic'), ('deepest answer', 'premium')$$,
                  'down renames response_cache rows back');
SELECT throws_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES (%L, DATE ''2025-09-09'', ''core'')', :'user_a'),
                 '23514', NULL, 'after down: core is rejected again');
SELECT lives_ok(format('INSERT INTO public.daily_usage (user_id, date, tier) VALUES (%L, DATE ''2025-09-09'', ''premium'')', :'user_a'),
                'after down: premium is accepted again');

\o /dev/null
SELECT pg_temp.snapshot('catalog_after_tiers_down');
SELECT pg_temp.snapshot_diff('catalog_before_tiers', 'catalog_after_tiers_down') AS tiers_diff \gset
\o
SELECT ok(:'tiers_diff' = '', 'down restores the catalog snapshot exactly');
SELECT diag(E'catalog differences after down (- missing, + extra):\n' || :'tiers_diff')
WHERE :'tiers_diff' <> '';
SELECT * FROM pg_temp.verify(:'usage_verify_sql', '20250918 verify script after the tier down');

-- And up once more, on the data the down left.
SELECT lives_ok(:'tiers_up_sql', 'the tier migration applies again after its down');
SELECT * FROM pg_temp.verify(:'tiers_verify_sql', '20251002090000 verify script after up-down-up');

SELECT * FROM finish(true);
