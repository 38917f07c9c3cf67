-- The database's size, then its twenty largest tables with their estimated rows.
SELECT current_database() AS "Object", pg_size_pretty(pg_database_size(current_database())) AS "Size", '' AS "Rows (estimate)"
UNION ALL
(SELECT format('%I.%I', n.nspname, c.relname), pg_size_pretty(pg_total_relation_size(c.oid)),
        CASE WHEN c.reltuples < 0 THEN 'not analyzed' ELSE to_char(c.reltuples::bigint, 'FM999G999G999G999') END
 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
 ORDER BY pg_total_relation_size(c.oid) DESC
 LIMIT 20);
