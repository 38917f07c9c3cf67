-- Every attempt of version $1, newest first (at most 200), for the history tab. The note column
-- came later: read through to_jsonb, so an older audit table reads too.
SELECT direction, outcome, actor, database_user, (extract(epoch FROM finished_at) * 1000)::bigint,
       duration_ms, coalesce(checksum, ''), coalesce(error, ''), coalesce(to_jsonb(a) ->> 'note', '')
FROM atlas_console.migration_audit AS a
WHERE version = $1
ORDER BY id DESC
LIMIT 200;
