-- The sessions holding the locks that $1 (a backend pid) waits for; with $1 = 0, those that any
-- session of this database waits for. Per blocker: pid, the pid it blocks, user, application,
-- state, query, for how long (ms), the locks it holds that the waiter wants, what the waiter
-- wants, whether the current role may signal it, and whether it waits for a lock itself.
WITH waiting AS (
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()
      AND CASE WHEN $1::int > 0 THEN pid = $1::int ELSE wait_event_type = 'Lock' END),
-- Parallel workers can name a pid twice.
pairs AS (SELECT DISTINCT waiting_pid, pid
          FROM (SELECT w.pid AS waiting_pid, unnest(pg_blocking_pids(w.pid)) AS pid FROM waiting w) AS x),
me AS (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
SELECT p.pid, p.waiting_pid, coalesce(b.usename::text, ''), coalesce(b.application_name, ''),
       coalesce(b.state, ''), coalesce(b.query, ''),
       coalesce((extract(epoch FROM now() - coalesce(b.xact_start, b.query_start)) * 1000)::bigint, -1),
       (SELECT string_agg(DISTINCT l.mode || ' on ' || l.relation::regclass::text, ', ') FROM pg_locks l
        WHERE l.pid = p.pid AND l.granted
          AND l.relation IN (SELECT w.relation FROM pg_locks w WHERE w.pid = p.waiting_pid AND NOT w.granted)),
       (SELECT string_agg(DISTINCT w.mode || ' on ' || w.relation::regclass::text, ', ') FROM pg_locks w
        WHERE w.pid = p.waiting_pid AND NOT w.granted AND w.relation IS NOT NULL),
       -- pid 0: a prepared transaction, which no signal ends. The server checks privileges
       -- (USAGE), not bare membership.
       CASE WHEN p.pid = 0 THEN false
            WHEN (SELECT rolsuper FROM me) THEN true
            WHEN coalesce((SELECT rolsuper FROM pg_roles r WHERE r.oid = b.usesysid), true) THEN false
            ELSE pg_has_role(current_user, b.usesysid, 'USAGE') OR pg_has_role(current_user, 'pg_signal_backend', 'USAGE')
       END,
       coalesce(b.wait_event_type = 'Lock', false)
FROM pairs p
LEFT JOIN pg_stat_activity b ON b.pid = p.pid
ORDER BY p.waiting_pid, p.pid;
