-- daily_usage holds one row per user and day: a second row for the same (user_id, date) is
-- rejected with unique_violation (23505), for the backend and for a signed-in user alike, while
-- the upsert the app uses adds to the existing row instead.
\ir _helpers.psql
\i :migrations/20250918_create_usage_tracking_tables.sql

\set user_a 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
\set user_b 'f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f'
\o /dev/null
INSERT INTO auth.users (id, email) VALUES (:'user_a', 'sofia.rossi@example.com'), (:'user_b', 'kenji.tanaka@example.com');
INSERT INTO public.daily_usage (user_id, date, conversation_count) VALUES (:'user_a', DATE '2025-09-20', 1);
\o

SELECT plan(7);

SELECT throws_ok(format('INSERT INTO public.daily_usage (user_id, date, conversation_count) VALUES (%L, DATE ''2025-09-20'', 5)', :'user_a'),
                 '23505', 'duplicate key value violates unique constraint "daily_usage_user_id_date_key"',
                 'a second row for the same user and day is rejected');
SELECT throws_ok(format('SELECT pg_temp.run_as(''authenticated'', %L, %L)', :'user_a',
                        format('INSERT INTO public.daily_usage (user_id, date) VALUES (%L, DATE ''2025-09-20'')', :'user_a')),
                 '23505', 'duplicate key value violates unique constraint "daily_usage_user_id_date_key"',
                 'also when the user inserts it through the API');
SELECT lives_ok(format('INSERT INTO public.daily_usage (user_id, date) VALUES (%L, DATE ''2025-09-21'')', :'user_a'),
                'the same user on another day is fine');
SELECT lives_ok(format('INSERT INTO public.daily_usage (user_id, date) VALUES (%L, DATE ''2025-09-20'')', :'user_b'),
                'another user on the same day is fine');
SELECT lives_ok(format('INSERT INTO public.daily_usage AS d (user_id, date, conversation_count) VALUES (%L, DATE ''2025-09-20'', 2) '
                       'ON CONFLICT ON CONSTRAINT daily_usage_user_id_date_key '
                       'DO UPDATE SET conversation_count = d.conversation_count + EXCLUDED.conversation_count', :'user_a'),
                'an upsert on the key does not fail');
SELECT is((SELECT conversation_count FROM public.daily_usage WHERE user_id = :'user_a' AND date = DATE '2025-09-20'),
          3, 'the upsert added to the existing row');
SELECT is((SELECT count(*) FROM public.daily_usage)::int, 3, 'three rows in all');

SELECT * FROM finish(true);
