-- Connections by database, application and state, the oldest transaction of each group first.
SELECT coalesce(datname, '(none)') AS "Database", coalesce(nullif(application_name, ''), '(no name)') AS "Application",
       coalesce(state, backend_type) AS "State", count(*)::text AS "Count",
       coalesce(to_char(max(now() - xact_start), 'HH24:MI:SS'), '') AS "Oldest transaction"
FROM pg_stat_activity
WHERE pid <> pg_backend_pid()
GROUP BY 1, 2, 3
ORDER BY max(now() - xact_start) DESC NULLS LAST, 1, 2;
