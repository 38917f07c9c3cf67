-- The limits of a dry run in the SQL editor, for its transaction alone: it gives up rather than
-- queue behind (or hold) other sessions' locks for long.
SET LOCAL lock_timeout = '3s';
SET LOCAL statement_timeout = '60s';
