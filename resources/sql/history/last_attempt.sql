-- The newest up, down or repair of version $1.
SELECT direction, outcome, coalesce(failed_statement, -1), coalesce(error, ''), coalesce(checksum, '')
FROM atlas_console.migration_audit
WHERE version = $1 AND direction IN ('up', 'down', 'repair')
ORDER BY id DESC
LIMIT 1;
