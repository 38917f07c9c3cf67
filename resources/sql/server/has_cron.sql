-- Whether pg_cron's job table is in this database (pg_cron lives in one database of a server).
SELECT to_regclass('cron.job') IS NOT NULL AND to_regclass('cron.job_run_details') IS NOT NULL;
