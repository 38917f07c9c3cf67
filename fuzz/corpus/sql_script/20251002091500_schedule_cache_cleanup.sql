-- 20251002091500_schedule_cache_cleanup
--
-- Runs public.cleanup_expired_cache() every hour, on the hour, as the pg_cron job
-- "atlas-cleanup-expired-cache", in this database and as the role that applies the migration.
--
-- pg_cron is not created here: on Supabase it is enabled from the dashboard (Database >
-- Extensions), and it can only live in the one database named by cron.database_name. Where the
-- extension is absent this file changes nothing and says so with a NOTICE; the statements that
-- touch the cron schema are run with EXECUTE, so the file parses and runs without that schema.
-- Note that the migration then still counts as applied: after enabling pg_cron, run this file
-- once more by hand (it is idempotent) to create the job.
--
-- Idempotent: an existing job of the same name and owner is replaced, not duplicated.
DO $migration$
DECLARE
    job_name constant text := 'atlas-cleanup-expired-cache';
    job_schedule constant text := '0 * * * *';
    job_command constant text := 'SELECT public.cleanup_expired_cache()';
    old_job bigint;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN
        RAISE NOTICE 'pg_cron is not installed in database "%": job "%" not scheduled. Enable pg_cron, then run this migration file again by hand to schedule it.',
            current_database(), job_name;
        RETURN;
    END IF;

    -- A job that calls a missing function would fail every hour, quietly; better to fail now.
    IF to_regprocedure('public.cleanup_expired_cache()') IS NULL THEN
        RAISE EXCEPTION 'public.cleanup_expired_cache() does not exist: apply 20250918_create_usage_tracking_tables first';
    END IF;

    -- Replace rather than rely on cron.schedule() updating a job by name, which older pg_cron
    -- releases do not do.
    EXECUTE 'SELECT jobid FROM cron.job WHERE jobname = $1 AND username = current_user'
        INTO old_job USING job_name;
    IF old_job IS NOT NULL THEN
        EXECUTE 'SELECT cron.unschedule($1)' USING old_job;
    END IF;

    EXECUTE 'SELECT cron.schedule($1, $2, $3)' USING job_name, job_schedule, job_command;
END
$migration$;
