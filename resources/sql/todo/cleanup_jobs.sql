-- The pg_cron jobs that call cleanup_expired_cache(), oldest first.
SELECT jobname, schedule, active FROM cron.job WHERE command ILIKE '%cleanup_expired_cache%' ORDER BY jobid;
