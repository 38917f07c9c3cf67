-- The migration lock for the open transaction ($1: the key), without waiting: behind a
-- transaction pooler a session lock could stay behind on a server connection someone else gets.
SELECT pg_try_advisory_xact_lock($1::bigint);
