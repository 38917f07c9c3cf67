-- Releases the session's migration lock ($1: the key).
SELECT pg_advisory_unlock($1::bigint);
