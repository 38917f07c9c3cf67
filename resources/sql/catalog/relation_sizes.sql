-- Size and estimated rows of each named table ($1: text[] of names as a migration writes them).
-- to_regclass resolves a name as the migration would (search_path) and is NULL for a table that
-- does not exist yet, whose row then has NULLs.
SELECT n, pg_total_relation_size(c.oid), c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid))
FROM unnest($1::text[]) AS n
LEFT JOIN pg_class c ON c.oid = to_regclass(n);
