-- Relation $1: row level security enabled and forced, total size, estimated rows.
SELECT relrowsecurity, relforcerowsecurity, pg_size_pretty(pg_total_relation_size(oid)), reltuples::bigint
FROM pg_class WHERE oid = $1::regclass;
