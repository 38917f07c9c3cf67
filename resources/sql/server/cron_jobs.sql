-- pg_cron's jobs with their last run and the failures of the last day (only where cron.job exists).
SELECT j.jobid::text AS "Job", coalesce(j.jobname, '') AS "Name", j.schedule AS "Schedule", j.command AS "Command",
       j.database AS "Database", CASE WHEN j.active THEN 'active' ELSE 'paused' END AS "State",
       coalesce((SELECT d.status || ' at ' || to_char(d.start_time, 'YYYY-MM-DD HH24:MI') FROM cron.job_run_details d
                 WHERE d.jobid = j.jobid ORDER BY d.start_time DESC LIMIT 1), 'never ran') AS "Last run",
       (SELECT count(*) FROM cron.job_run_details d WHERE d.jobid = j.jobid AND d.status = 'failed'
          AND d.start_time > now() - interval '1 day')::text AS "Failures (24 h)"
FROM cron.job j
ORDER BY j.jobid;
