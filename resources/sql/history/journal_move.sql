-- The journal row $1 moved on: statement $2 (0-based) is the next to run.
UPDATE atlas_console.migration_audit
SET failed_statement = $2,
    duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint,
    finished_at = clock_timestamp()
WHERE id = $1;
