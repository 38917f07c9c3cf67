-- Row level security and grants of the usage tables, exercised as the API roles would be:
-- authenticated with a user's JWT claims, anon without, and service_role.
--
-- Every statement under test runs through pg_temp.scalar_as()/run_as() (see _helpers.psql): they
-- switch role and claims around that one statement, so the pgTAP bookkeeping keeps running as
-- the session user.
\ir _helpers.psql
\i :migrations/20250918_create_usage_tracking_tables.sql

-- Two users, A (Amara) and B (Bruno), and rows of both in every table.
\set user_a '3b241101-e2bb-4255-8caf-4136c566a962'
\set user_b '9d6c2a1e-54f7-4c0b-a3e8-7f1d2b6c8e40'
\o /dev/null
INSERT INTO auth.users (id, email) VALUES
    (:'user_a', 'amara.okafor@example.com'),
    (:'user_b', 'bruno.silva@example.com');
INSERT INTO public.daily_usage (user_id, date, conversation_count, message_count, tokens_input, tokens_output, tier)
VALUES (:'user_a', DATE '2025-09-16', 2, 9, 3100, 2400, 'free'),
       (:'user_a', DATE '2025-09-17', 4, 21, 7950, 6120, 'free'),
       (:'user_b', DATE '2025-09-17', 7, 40, 15200, 11890, 'premium');
INSERT INTO public.usage_logs (user_id, event_type, tokens_used, cost)
VALUES (:'user_a', 'conversation_started', 0, 0),
       (:'user_a', 'message_sent', 1180, 0.010620),
       (:'user_b', 'conversation_started', 0, 0),
       (:'user_b', 'message_sent', 2210, 0.019890),
       (:'user_b', 'message_sent', 1975, 0.017775);
INSERT INTO public.error_logs (user_id, error_type, message, context, severity)
VALUES (:'user_a', 'rate_limited', 'daily conversation limit reached', '{"limit": 5}', 'info');
INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
VALUES (md5('what is emotional intelligence'), 'what is emotional intelligence',
        'The ability to notice, understand and manage emotions, yours and other people''s.', 'free',
        now() + interval '6 hours'),
       (md5('how can i stop overthinking'), 'how can i stop overthinking',
        'Notice the loop, name it, and give your attention one concrete next step.', 'free',
        now() + interval '2 days'),
       (md5('why do i get angry so fast'), 'why do i get angry so fast',
        'Anger often guards a softer feeling such as hurt or fear.', 'basic',
        now() - interval '1 hour');
\o

SELECT plan(31);

-- authenticated as A ----------------------------------------------------------------------------
SELECT is(pg_temp.scalar_as('authenticated', :'user_a', 'SELECT count(*) FROM public.daily_usage'), '2',
          'A sees two daily_usage rows');
SELECT is(pg_temp.scalar_as('authenticated', :'user_a',
                            'SELECT string_agg(DISTINCT user_id::text, '','') FROM public.daily_usage'),
          :'user_a', 'A sees only A''s daily_usage rows');
SELECT is(pg_temp.scalar_as('authenticated', :'user_a', 'SELECT count(*) FROM public.usage_logs'), '2',
          'A sees two usage_logs rows');
SELECT is(pg_temp.scalar_as('authenticated', :'user_a',
                            'SELECT string_agg(DISTINCT user_id::text, '','') FROM public.usage_logs'),
          :'user_a', 'A sees only A''s usage_logs rows');

SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        format('INSERT INTO public.daily_usage (user_id, date, conversation_count) VALUES (%L, DATE ''2025-09-18'', 1)',
                               :'user_b')),
                 '42501', 'new row violates row-level security policy for table "daily_usage"',
                 'A cannot insert a daily_usage row for B');
SELECT lives_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                       format('INSERT INTO public.daily_usage (user_id, date, conversation_count, message_count) VALUES (%L, DATE ''2025-09-18'', 1, 2)',
                              :'user_a')),
                'A can insert A''s own daily_usage row');
SELECT lives_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                       format('INSERT INTO public.daily_usage AS d (user_id, date, conversation_count, message_count) '
                              'VALUES (%L, DATE ''2025-09-18'', 1, 3) '
                              'ON CONFLICT (user_id, date) DO UPDATE '
                              'SET conversation_count = d.conversation_count + EXCLUDED.conversation_count, '
                              '    message_count = d.message_count + EXCLUDED.message_count',
                              :'user_a')),
                'A can bump A''s own row with an upsert, as the app does');
SELECT is((SELECT conversation_count || '/' || message_count FROM public.daily_usage
           WHERE user_id = :'user_a' AND date = DATE '2025-09-18'),
          '2/5', 'the upsert added to A''s counters');
SELECT is(pg_temp.scalar_as('authenticated', :'user_a',
                            format('WITH changed AS (UPDATE public.daily_usage SET conversation_count = 0 WHERE user_id = %L RETURNING 1) '
                                   'SELECT count(*) FROM changed', :'user_b')),
          '0', 'A cannot update B''s rows (they are invisible to A)');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        format('UPDATE public.daily_usage SET user_id = %L WHERE user_id = %L', :'user_b', :'user_a')),
                 '42501', 'permission denied for table daily_usage',
                 'A cannot hand A''s rows to B (user_id is not updatable)');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        'UPDATE public.daily_usage SET tier = ''premium'''),
                 '42501', 'permission denied for table daily_usage',
                 'A cannot change A''s own tier');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        'UPDATE public.daily_usage SET api_cost_estimate = 0'),
                 '42501', 'permission denied for table daily_usage',
                 'A cannot change A''s own cost estimate');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        'DELETE FROM public.daily_usage'),
                 '42501', 'permission denied for table daily_usage',
                 'A cannot delete usage history');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        format('INSERT INTO public.usage_logs (user_id, event_type) VALUES (%L, ''message_sent'')', :'user_a')),
                 '42501', 'permission denied for table usage_logs',
                 'A cannot write billing events, not even A''s own');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        'SELECT count(*) FROM public.error_logs'),
                 '42501', 'permission denied for table error_logs',
                 'error_logs are not readable by authenticated');
SELECT is(pg_temp.scalar_as('authenticated', NULL, 'SELECT count(*) FROM public.daily_usage'), '0',
          'authenticated without a user (no sub claim) sees no daily_usage rows');

-- anon ------------------------------------------------------------------------------------------
SELECT throws_ok($$SELECT pg_temp.run_as('anon', NULL, 'SELECT count(*) FROM public.daily_usage')$$,
                 '42501', 'permission denied for table daily_usage', 'anon cannot read daily_usage');
SELECT throws_ok($$SELECT pg_temp.run_as('anon', NULL, 'SELECT count(*) FROM public.usage_logs')$$,
                 '42501', 'permission denied for table usage_logs', 'anon cannot read usage_logs');
SELECT throws_ok($$SELECT pg_temp.run_as('anon', NULL, 'SELECT count(*) FROM public.error_logs')$$,
                 '42501', 'permission denied for table error_logs', 'anon cannot read error_logs');

-- response_cache: public read of live entries, backend-only writes --------------------------
SELECT is(pg_temp.scalar_as('anon', NULL, 'SELECT count(*) FROM public.response_cache'), '2',
          'anon reads the two live cache entries (the expired one is hidden)');
SELECT is(pg_temp.scalar_as('authenticated', :'user_a', 'SELECT count(*) FROM public.response_cache'), '2',
          'authenticated reads the two live cache entries');
SELECT throws_ok($$SELECT pg_temp.run_as('anon', NULL,
                   'INSERT INTO public.response_cache (query_hash, normalized_query, response, expires_at) VALUES (''x'', ''x'', ''x'', now() + interval ''1 day'')')$$,
                 '42501', 'permission denied for table response_cache', 'anon cannot write the cache');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        'UPDATE public.response_cache SET hit_count = hit_count + 1'),
                 '42501', 'permission denied for table response_cache', 'authenticated cannot write the cache');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        'SELECT public.cleanup_expired_cache()'),
                 '42501', 'permission denied for function cleanup_expired_cache',
                 'authenticated cannot call cleanup_expired_cache()');
SELECT throws_ok($$SELECT pg_temp.run_as('anon', NULL, 'SELECT public.cleanup_expired_cache()')$$,
                 '42501', 'permission denied for function cleanup_expired_cache',
                 'anon cannot call cleanup_expired_cache()');

-- service_role: everything --------------------------------------------------------------------
SELECT is(pg_temp.scalar_as('service_role', NULL, 'SELECT count(*) FROM public.daily_usage'), '4',
          'service_role sees all daily_usage rows');
SELECT is(pg_temp.scalar_as('service_role', NULL, 'SELECT count(*) FROM public.usage_logs'), '5',
          'service_role sees all usage_logs rows');
SELECT is(pg_temp.scalar_as('service_role', NULL, 'SELECT count(*) FROM public.error_logs'), '1',
          'service_role sees all error_logs rows');
SELECT is(pg_temp.scalar_as('service_role', NULL, 'SELECT count(*) FROM public.response_cache'), '3',
          'service_role sees all cache rows, expired ones included');
SELECT lives_ok(format('SELECT pg_temp.run_as(''service_role'', NULL, %L)',
                       format('UPDATE public.daily_usage SET tier = ''basic'', api_cost_estimate = 0.041250 WHERE user_id = %L', :'user_a')),
                'service_role sets tier and cost');
SELECT is(pg_temp.scalar_as('service_role', NULL, 'SELECT public.cleanup_expired_cache()'), '1',
          'service_role runs cleanup_expired_cache()');

SELECT * FROM finish(true);
