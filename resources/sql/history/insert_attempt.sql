-- One attempt in the audit ($1 version, $2 name, $3 direction, $4 outcome, $5 checksum, $6 actor,
-- $7 started_at, $8 duration_ms, $9 statements_run, $10 failed_statement, $11 error, $12 note,
-- $13 statements_digest); the transaction id, database user and finish time are the server's.
INSERT INTO atlas_console.migration_audit (version, name, direction, outcome, checksum, actor, started_at, duration_ms,
                                           statements_run, failed_statement, error, note, statements_digest)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13);
