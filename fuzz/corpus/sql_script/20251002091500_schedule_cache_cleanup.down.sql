-- Down for 20251002091500_schedule_cache_cleanup: unschedules the job "atlas-cleanup-expired-cache"
-- of the current role. Where pg_cron is absent, or the job is not there (the up file found no
-- pg_cron, or someone removed the job), there is nothing to undo: it says so with a NOTICE.
-- Dynamic EXECUTE for the same reason as in the up file: no cron schema is needed to parse it.
DO $migration$
DECLARE
    job_name constant text := 'atlas-cleanup-expired-cache';
    job_id bigint;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN
        RAISE NOTICE 'pg_cron is not installed in database "%": no job "%" to unschedule',
            current_database(), job_name;
        RETURN;
    END IF;

    EXECUTE 'SELECT jobid FROM cron.job WHERE jobname = $1 AND username = current_user'
        INTO job_id USING job_name;
    IF job_id IS NULL THEN
        RAISE NOTICE 'no pg_cron job "%" owned by % in database "%": nothing to unschedule',
            job_name, current_user, current_database();
        RETURN;
    END IF;

    EXECUTE 'SELECT cron.unschedule($1)' USING job_id;
END
$migration$;
