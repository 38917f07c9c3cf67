-- set_updated_at(): rows changed in place (daily_usage counters, response_cache hit counts) get a
-- fresh updated_at; created_at stays. Each statement below is its own transaction, so now()
-- moves between them.
\ir _helpers.psql
\i :migrations/20250918_create_usage_tracking_tables.sql

\set user_a '5e8f0a2b-3c4d-4e5f-9a8b-7c6d5e4f3a2b'
\o /dev/null
INSERT INTO auth.users (id, email) VALUES (:'user_a', 'noah.becker@example.com');
INSERT INTO public.daily_usage (user_id, date, created_at, updated_at)
VALUES (:'user_a', DATE '2025-09-22', now() - interval '1 hour', now() - interval '1 hour');
INSERT INTO public.response_cache (query_hash, normalized_query, response, expires_at, created_at, updated_at)
VALUES (md5('how do i handle criticism'), 'how do i handle criticism', 'cached', now() + interval '1 day',
        now() - interval '1 hour', now() - interval '1 hour');
UPDATE public.daily_usage SET conversation_count = conversation_count + 1;
UPDATE public.response_cache SET hit_count = hit_count + 1;
\o

SELECT plan(5);

SELECT ok((SELECT updated_at > created_at + interval '59 minutes' FROM public.daily_usage),
          'updating daily_usage moves updated_at to now');
SELECT ok((SELECT created_at < now() - interval '59 minutes' FROM public.daily_usage),
          'created_at of daily_usage stays');
SELECT ok((SELECT updated_at > created_at + interval '59 minutes' FROM public.response_cache),
          'updating response_cache moves updated_at to now');
SELECT trigger_is('public', 'daily_usage', 'daily_usage_set_updated_at', 'public', 'set_updated_at',
                  'daily_usage_set_updated_at calls public.set_updated_at()');
SELECT trigger_is('public', 'response_cache', 'response_cache_set_updated_at', 'public', 'set_updated_at',
                  'response_cache_set_updated_at calls public.set_updated_at()');

SELECT * FROM finish(true);
