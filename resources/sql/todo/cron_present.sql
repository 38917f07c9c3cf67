-- Whether pg_cron's job table is in this database.
SELECT to_regclass('cron.job') IS NOT NULL;
