-- The limits of a migration that runs statement by statement (no transaction to hold them): for
-- the session ($1 lock_timeout, $2 statement_timeout), until reset_session.sql.
SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false), pg_backend_pid();
