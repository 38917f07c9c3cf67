-- 20250918_create_usage_tracking_tables: the up file applies to a fresh Supabase-like database,
-- its verify script passes, the down file restores the catalog exactly (even with data in the
-- tables), and up-down-up works, producing the same catalog each time.
\ir _helpers.psql

SELECT plan(15);

\o /dev/null
SELECT pg_temp.snapshot('catalog_fresh');
\o

SELECT lives_ok(:'usage_up_sql', 'up applies to a fresh database');
SELECT tables_are('public', ARRAY['daily_usage', 'usage_logs', 'error_logs', 'response_cache'],
                  'public has exactly the four usage tables');
SELECT * FROM pg_temp.verify(:'usage_verify_sql', '20250918 verify script');

-- Some data, so that the down file is tested on tables in use (it must not need empty tables).
\o /dev/null
SELECT pg_temp.snapshot('catalog_up_1');
INSERT INTO auth.users (id, email) VALUES ('6a1f4c2e-9b7d-4e3a-8c5f-2d1e0b9a8c7d', 'lena.fischer@example.com');
INSERT INTO public.daily_usage (user_id, date, conversation_count, message_count, tokens_input, tokens_output, tier, api_cost_estimate)
VALUES ('6a1f4c2e-9b7d-4e3a-8c5f-2d1e0b9a8c7d', DATE '2025-09-18', 3, 14, 5210, 3890, 'basic', 0.073980);
INSERT INTO public.usage_logs (user_id, event_type, tokens_used, cost)
VALUES ('6a1f4c2e-9b7d-4e3a-8c5f-2d1e0b9a8c7d', 'message_sent', 912, 0.008211);
INSERT INTO public.error_logs (user_id, error_type, message, severity)
VALUES (NULL, 'upstream_timeout', 'model API did not answer within 30 s', 'warning');
INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
VALUES (md5('how do i calm down before a hard conversation'), 'how do i calm down before a hard conversation',
        'Take a few slow breaths and name what you feel before you speak.', 'free', now() + interval '1 day');
\o

SELECT lives_ok(:'usage_down_sql', 'down applies, with rows in every table');

\o /dev/null
SELECT pg_temp.snapshot('catalog_down_1');
SELECT pg_temp.snapshot_diff('catalog_fresh', 'catalog_down_1') AS diff_down_1 \gset
\o
SELECT ok(:'diff_down_1' = '', 'down restores the catalog snapshot exactly');
SELECT diag(E'catalog differences after down (- missing, + extra):\n' || :'diff_down_1')
WHERE :'diff_down_1' <> '';

SELECT ok(to_regprocedure('public.set_updated_at()') IS NULL
          AND to_regprocedure('public.cleanup_expired_cache()') IS NULL,
          'down removes both functions');
SELECT is((SELECT count(*) FROM auth.users)::int, 1, 'down leaves auth.users alone');

-- up again: the same catalog as the first time.
SELECT lives_ok(:'usage_up_sql', 'up applies again after down');
SELECT * FROM pg_temp.verify(:'usage_verify_sql', '20250918 verify script after up-down-up');

\o /dev/null
SELECT pg_temp.snapshot('catalog_up_2');
SELECT pg_temp.snapshot_diff('catalog_up_1', 'catalog_up_2') AS diff_up_2 \gset
\o
SELECT ok(:'diff_up_2' = '', 'up after down produces the same catalog as the first up');
SELECT diag(E'catalog differences between the two ups (- first, + second):\n' || :'diff_up_2')
WHERE :'diff_up_2' <> '';

SELECT throws_ok(:'usage_up_sql', '42723', NULL,
                 'up refuses to run twice: its first object, set_updated_at(), already exists');

SELECT lives_ok(:'usage_down_sql', 'down applies again');
\o /dev/null
SELECT pg_temp.snapshot('catalog_down_2');
SELECT pg_temp.snapshot_diff('catalog_fresh', 'catalog_down_2') AS diff_down_2 \gset
\o
SELECT ok(:'diff_down_2' = '', 'the second down restores the catalog snapshot exactly');
SELECT diag(E'catalog differences after the second down:\n' || :'diff_down_2')
WHERE :'diff_down_2' <> '';

SELECT * FROM finish(true);
