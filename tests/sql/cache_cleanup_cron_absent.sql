-- 20251002091500_schedule_cache_cleanup in a database without pg_cron (every fresh database of
-- a localdb: pg_cron can only live in "postgres"): the up and down files run, change nothing
-- (they only raise a NOTICE, which psql prints above), and the verify script passes with its
-- "nothing to verify" row.
\ir _helpers.psql
\i :migrations/20250918_create_usage_tracking_tables.sql

SELECT plan(9);

SELECT hasnt_extension('pg_cron', 'pg_cron is not installed in this database');

\o /dev/null
SELECT pg_temp.snapshot('catalog_before_cron');
\o
SELECT lives_ok(:'cron_up_sql', 'the up file runs without pg_cron');
SELECT ok(to_regnamespace('cron') IS NULL, 'no cron schema appeared');
\o /dev/null
SELECT pg_temp.snapshot('catalog_after_cron');
SELECT pg_temp.snapshot_diff('catalog_before_cron', 'catalog_after_cron') AS cron_diff \gset
\o
SELECT ok(:'cron_diff' = '', 'the up file changed nothing in the catalog');
SELECT diag(E'catalog differences:\n' || :'cron_diff') WHERE :'cron_diff' <> '';

SELECT * FROM pg_temp.verify(:'cron_verify_sql', '20251002091500 verify script');
\o /dev/null
SELECT pg_temp.capture('verify_cron_rows', :'cron_verify_sql');
\o
SELECT results_eq(
    $$SELECT check_name, passed FROM pg_temp.verify_cron_rows ORDER BY check_name$$,
    $$VALUES ('function public.cleanup_expired_cache() exists', true),
             ('pg_cron not installed here: nothing to verify', true)$$,
    'the verify script reports that there is nothing to verify');

SELECT lives_ok(:'cron_down_sql', 'the down file runs without pg_cron');
\o /dev/null
SELECT pg_temp.snapshot('catalog_after_cron_down');
SELECT pg_temp.snapshot_diff('catalog_before_cron', 'catalog_after_cron_down') AS cron_down_diff \gset
\o
SELECT ok(:'cron_down_diff' = '', 'the down file changed nothing in the catalog');
SELECT diag(E'catalog differences:\n' || :'cron_down_diff') WHERE :'cron_down_diff' <> '';

SELECT * FROM finish(true);
