-- The journal of a statement-by-statement apply: a "failed" up attempt, committed before its first
-- statement, that says where it stands ($1 version, $2 name, $3 checksum, $4 actor, $5 started_at,
-- $6 the statement it starts at). If the run dies, it stays and tells the status how far it got.
INSERT INTO atlas_console.migration_audit (version, name, direction, outcome, checksum, actor, started_at,
                                           duration_ms, failed_statement, error)
VALUES ($1, $2, 'up', 'failed', $3, $4, $5, 0, $6,
        'interrupted before its outcome was recorded (the connection or the console ended, or it is still running)')
RETURNING id;
