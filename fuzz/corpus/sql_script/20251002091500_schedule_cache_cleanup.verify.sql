-- Verify 20251002091500_schedule_cache_cleanup.
--
-- Contract: one read-only SELECT returning one row per check, columns
--   check_name text, passed boolean, detail text.
--
-- Where pg_cron is installed: the job "atlas-cleanup-expired-cache" of the current role exists
-- once, runs hourly ('0 * * * *'), runs SELECT public.cleanup_expired_cache() in this database,
-- and is active. cron.job is read through query_to_xml() with the query as text, run only when
-- pg_cron is there, so the script also parses where the cron schema does not exist.
-- Where pg_cron is not installed the migration deliberately did nothing, so there is nothing to
-- verify: a single passing row says so (its detail states that no job runs here).
-- In both cases: the function the job calls exists.
WITH
cron AS (
    SELECT e.extversion,
           CASE WHEN e.extversion IS NOT NULL THEN
               query_to_xml(
                   'SELECT schedule, command, database, username, active '
                   'FROM cron.job '
                   'WHERE jobname = ''atlas-cleanup-expired-cache'' AND username = current_user '
                   'ORDER BY jobid',
                   true, false, '')
           END AS jobs
    FROM (SELECT NULL) AS one
    LEFT JOIN pg_catalog.pg_extension e ON e.extname = 'pg_cron'
),
job AS (
    SELECT c.extversion,
           (xpath('count(/table/row)', c.jobs))[1]::text::int AS job_count,
           (xpath('/table/row[1]/schedule/text()', c.jobs))[1]::text AS schedule,
           (xpath('/table/row[1]/command/text()', c.jobs))[1]::text AS command,
           (xpath('/table/row[1]/database/text()', c.jobs))[1]::text AS database,
           (xpath('/table/row[1]/username/text()', c.jobs))[1]::text AS username,
           (xpath('/table/row[1]/active/text()', c.jobs))[1]::text AS active
    FROM cron c
),
checks (item, check_name, passed, detail) AS (
    SELECT 1, 'function public.cleanup_expired_cache() exists',
           to_regprocedure('public.cleanup_expired_cache()') IS NOT NULL,
           CASE WHEN to_regprocedure('public.cleanup_expired_cache()') IS NULL
                THEN 'missing: the job would fail every hour'
                ELSE 'the job''s command can run' END

    UNION ALL
    SELECT 2, 'pg_cron not installed here: nothing to verify', true,
           format('database %s has no pg_cron extension, so the migration scheduled nothing and '
                  'expired cache rows are not removed by a job here', current_database())
    FROM job WHERE extversion IS NULL

    UNION ALL
    SELECT 2, 'pg_cron is installed', true,
           format('pg_cron %s in database %s', extversion, current_database())
    FROM job WHERE extversion IS NOT NULL

    UNION ALL
    SELECT 3, 'cron job atlas-cleanup-expired-cache exists once', job_count = 1,
           format('%s job(s) of that name owned by %s', job_count, current_user)
    FROM job WHERE extversion IS NOT NULL

    UNION ALL
    SELECT 4, 'cron job atlas-cleanup-expired-cache runs hourly (0 * * * *)',
           coalesce(schedule = '0 * * * *', false),
           coalesce('schedule ' || schedule, 'job missing')
    FROM job WHERE extversion IS NOT NULL

    UNION ALL
    SELECT 5, 'cron job atlas-cleanup-expired-cache runs SELECT public.cleanup_expired_cache()',
           coalesce(command = 'SELECT public.cleanup_expired_cache()', false),
           coalesce('command ' || command, 'job missing')
    FROM job WHERE extversion IS NOT NULL

    UNION ALL
    SELECT 6, 'cron job atlas-cleanup-expired-cache runs in this database',
           coalesce(database = current_database(), false),
           CASE WHEN database IS NULL THEN 'job missing'
                ELSE format('database %s, as %s', database, username) END
    FROM job WHERE extversion IS NOT NULL

    UNION ALL
    SELECT 7, 'cron job atlas-cleanup-expired-cache is active',
           coalesce(active = 'true', false),
           coalesce('active ' || active, 'job missing')
    FROM job WHERE extversion IS NOT NULL
)
SELECT check_name, passed, detail
FROM checks
ORDER BY item, check_name;
