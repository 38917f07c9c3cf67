-- Down for 20250918_create_usage_tracking_tables: removes exactly what the up file created.
--
-- Dropping a table also drops its indexes, constraints, triggers, policies, grants and identity
-- sequences, so those are not listed one by one. The tables go first because their triggers
-- depend on set_updated_at(). No CASCADE: if something outside this migration has come to depend
-- on these objects (a view, a foreign key), the down must stop and say so, not take it along.
-- No IF EXISTS either: a missing object means the database is not in the state the up left it
-- in, and that should be an error, not a silent success.
-- The data in these tables is lost.

DROP FUNCTION public.cleanup_expired_cache();

DROP TABLE public.response_cache;
DROP TABLE public.error_logs;
DROP TABLE public.usage_logs;
DROP TABLE public.daily_usage;

DROP FUNCTION public.set_updated_at();
