-- The migration lock for the session ($1: the key), without waiting.
SELECT pg_try_advisory_lock($1::bigint);
