-- Ends the session of backend $1 (its transaction rolls back, its locks are released).
SELECT pg_terminate_backend($1::int);
