-- public.cleanup_expired_cache(): deletes the rows whose expires_at has passed (expires_at <=
-- now()), keeps the others, and returns how many it deleted. It must also work for callers
-- with a hostile search_path, since it is SECURITY DEFINER with an empty one.
\ir _helpers.psql
\i :migrations/20250918_create_usage_tracking_tables.sql

SELECT plan(9);

\o /dev/null
INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
SELECT md5(q), q, 'cached answer to: ' || q, 'free', now() + ttl
FROM (VALUES ('how do i set boundaries with my parents', interval '-3 days'),
             ('why do i feel lonely in a crowd', interval '-2 hours'),
             ('how do i say no without guilt', interval '-1 second'),
             ('what is a healthy way to disagree', interval '1 hour'),
             ('how can i be more patient', interval '7 days')) AS v(q, ttl);
\o

SELECT is(public.cleanup_expired_cache(), 3, 'cleanup_expired_cache() returns the number of expired rows it deleted');
SELECT set_eq('SELECT normalized_query FROM public.response_cache',
              ARRAY['what is a healthy way to disagree', 'how can i be more patient'],
              'the live rows are kept');
SELECT is(public.cleanup_expired_cache(), 0, 'a second run finds nothing to delete and returns 0');

-- The boundary: a row that expires exactly now is expired (<=). now() is fixed within a transaction.
BEGIN;
\o /dev/null
INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
VALUES (md5('why do small things upset me'), 'why do small things upset me', 'cached', 'free', now());
\o
SELECT is(public.cleanup_expired_cache(), 1, 'a row expiring exactly now() is deleted');
COMMIT;

SELECT is((SELECT count(*) FROM public.response_cache)::int, 2, 'two rows remain');

-- A caller with an empty search_path: the function pins its own and qualifies every name.
-- (pgTAP needs the search_path, so the result is taken with \gset and asserted afterwards.)
\o /dev/null
BEGIN;
SET LOCAL search_path = '';
INSERT INTO public.response_cache (query_hash, normalized_query, response, tier, expires_at)
VALUES (pg_catalog.md5('how do i apologise well'), 'how do i apologise well', 'cached', 'free',
        pg_catalog.now() - interval '1 minute');
SELECT public.cleanup_expired_cache() AS removed_with_empty_path \gset
COMMIT;
\o
SELECT is(:'removed_with_empty_path'::int, 1, 'works with an empty search_path of the caller');

SELECT is(pg_temp.scalar_as('service_role', NULL, 'SELECT public.cleanup_expired_cache()'), '0',
          'service_role may call it');
SELECT throws_ok($$SELECT pg_temp.run_as('authenticated', NULL, 'SELECT public.cleanup_expired_cache()')$$,
                 '42501', NULL, 'authenticated may not call it');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'public.cleanup_expired_cache()'::regprocedure), true,
          'it is SECURITY DEFINER, so callers need no DELETE privilege on the cache');

SELECT * FROM finish(true);
