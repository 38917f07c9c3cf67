-- atlas-test-database: postgres
-- 20251002091500_schedule_cache_cleanup where pg_cron lives (database "postgres", as on
-- Supabase): the up file schedules the hourly job, running it twice keeps one job, the verify
-- script passes, and the down file removes the job again.
--
-- This runs in the shared database "postgres", so everything happens inside one transaction
-- that is rolled back at the end: pgtap, the usage tables (unless already there) and the job.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
\ir _helpers.psql

-- The job calls public.cleanup_expired_cache(); the up file refuses to schedule it without.
SELECT to_regprocedure('public.cleanup_expired_cache()') IS NULL AS need_usage_tables \gset
\if :need_usage_tables
\i :migrations/20250918_create_usage_tracking_tables.sql
\endif

\o /dev/null
SELECT pg_temp.capture('other_jobs',
    'SELECT jobid, jobname, schedule, command FROM cron.job WHERE jobname IS DISTINCT FROM ''atlas-cleanup-expired-cache''');
\o

SELECT plan(11);

SELECT has_extension('pg_cron', 'pg_cron is installed in this database');
SELECT lives_ok(:'cron_up_sql', 'the up file runs');
SELECT is(
    (SELECT string_agg(format('%s | %s | %s | %s | %s', schedule, command, database, username, active), E'\n')
     FROM cron.job WHERE jobname = 'atlas-cleanup-expired-cache'),
    format('0 * * * * | SELECT public.cleanup_expired_cache() | %s | %s | t', current_database(), current_user),
    'one job: hourly, SELECT public.cleanup_expired_cache(), in this database, as this role, active');
SELECT * FROM pg_temp.verify(:'cron_verify_sql', '20251002091500 verify script');

SELECT lives_ok(:'cron_up_sql', 'the up file runs a second time');
SELECT is((SELECT count(*) FROM cron.job WHERE jobname = 'atlas-cleanup-expired-cache')::int, 1,
          'still exactly one job of that name');

SELECT lives_ok(:'cron_down_sql', 'the down file runs');
SELECT is((SELECT count(*) FROM cron.job WHERE jobname = 'atlas-cleanup-expired-cache')::int, 0,
          'the job is gone');
SELECT set_eq('SELECT jobid, jobname, schedule, command FROM cron.job',
              'SELECT jobid, jobname, schedule, command FROM pg_temp.other_jobs',
              'other jobs are untouched');
SELECT lives_ok(:'cron_down_sql', 'the down file runs again without a job (only a notice)');

SELECT * FROM finish(true);
ROLLBACK;
