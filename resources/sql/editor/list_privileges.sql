-- \dp: the access privileges of tables, views and sequences whose schema matches $1 and name $2
-- ('' for any; without a schema pattern, those the search path sees), with their column
-- privileges and policies; system schemas when $4 is 't'. ($3 is not used.)
SELECT n.nspname AS "Schema", c.relname AS "Name",
       CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
                      WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END AS "Type",
       coalesce(array_to_string(c.relacl, E'\n'), '') AS "Access privileges",
       coalesce((SELECT string_agg(a.attname || ':' || array_to_string(a.attacl, ' '), E'\n') FROM pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attacl IS NOT NULL), '') AS "Column privileges",
       coalesce((SELECT string_agg(pol.polname, E'\n' ORDER BY pol.polname) FROM pg_policy pol WHERE pol.polrelid = c.oid), '') AS "Policies"
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND ($1 = '' OR n.nspname ~ $1) AND ($2 = '' OR c.relname ~ $2) AND ($3 = $3)
  AND ($1 <> '' OR pg_table_is_visible(c.oid))
  AND ($4 = 't' OR n.nspname NOT IN ('pg_catalog', 'information_schema'))
ORDER BY 1, 2;
