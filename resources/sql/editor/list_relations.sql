-- \d and \dt: relations whose schema matches $1 and name $2 (POSIX regular expressions, '' for
-- any; without a schema pattern only those the search path sees, as psql), of the relkinds in $3,
-- system schemas only when $4 is 't'.
SELECT n.nspname AS "Schema", c.relname AS "Name",
       CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
                      WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'I' THEN 'partitioned index'
                      WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' ELSE c.relkind::text END AS "Type",
       pg_get_userbyid(c.relowner) AS "Owner",
       CASE WHEN c.relrowsecurity THEN 'on' ELSE '' END AS "RLS"
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE strpos($3, c.relkind::text) > 0
  AND ($1 = '' OR n.nspname ~ $1)
  AND ($2 = '' OR c.relname ~ $2)
  AND ($1 <> '' OR pg_table_is_visible(c.oid))
  AND ($4 = 't' OR (n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'))
ORDER BY 1, 2;
