-- The other sessions holding locks on the relations named in $1 (a text array, names as the
-- migration writes them): who a statement that ran out of lock_timeout was waiting for. Per
-- holder: pid, user, application, state, for how long (ms), its locks on those relations.
SELECT a.pid, coalesce(a.usename::text, ''), coalesce(a.application_name, ''), coalesce(a.state, ''),
       coalesce((extract(epoch FROM now() - coalesce(a.xact_start, a.query_start)) * 1000)::bigint, -1),
       string_agg(DISTINCT l.mode || ' on ' || l.relation::regclass::text, ', ')
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.granted AND l.pid <> pg_backend_pid()
  AND l.relation IN (SELECT to_regclass(name) FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NOT NULL)
GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query_start
ORDER BY a.pid;
