-- The limits of the migration's transaction, for that transaction only ($1 lock_timeout,
-- $2 statement_timeout), and the server process that runs it (behind a transaction pooler it
-- changes from one transaction to the next).
SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true), pg_backend_pid();
