-- Extensions installed in public (but pg_cron, whose objects live in its own schema cron wherever
-- the extension is recorded). ($1 is not used.)
SELECT e.extname, format('extension %s (%s) lives in public, which the API exposes', e.extname, e.extversion),
       format('ALTER EXTENSION %I SET SCHEMA extensions;  -- when the extension is relocatable', e.extname)
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname = 'public' AND e.extname <> 'pg_cron' AND ($1::text[] IS NOT NULL)
ORDER BY 1;
