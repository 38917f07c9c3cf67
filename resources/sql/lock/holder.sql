-- Who holds the migration lock of this database ('ATLASCON' as a bigint shows in pg_locks as
-- classid 1096043585, objid 1396920142). Superusers and pg_read_all_stats see every column;
-- others see at least the pid. Advisory locks belong to one database: consoles on other
-- databases do not block this one.
SELECT l.pid, coalesce(a.usename::text, '?'), coalesce(nullif(a.application_name, ''), '?'),
       coalesce(to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'), '?'), coalesce(a.client_addr::text, 'local')
FROM pg_locks l
LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.classid = 1096043585 AND l.objid = 1396920142 AND l.objsubid = 1
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.granted AND l.pid <> pg_backend_pid()
LIMIT 1;
