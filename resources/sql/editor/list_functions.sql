-- \df: functions and procedures whose schema matches $1 and name $2 ('' for any; without a schema
-- pattern, those the search path sees); system schemas when $4 is 't'. ($3 is not used.)
SELECT n.nspname AS "Schema", p.proname AS "Name",
       CASE WHEN p.prokind = 'p' THEN '' ELSE pg_get_function_result(p.oid) END AS "Result data type",
       pg_get_function_arguments(p.oid) AS "Argument data types",
       CASE p.prokind WHEN 'a' THEN 'agg' WHEN 'w' THEN 'window' WHEN 'p' THEN 'proc' ELSE 'func' END AS "Type",
       CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END AS "Volatility",
       CASE WHEN p.prosecdef THEN 'definer' ELSE 'invoker' END AS "Security",
       coalesce(array_to_string(p.proconfig, ', '), '') AS "Settings"
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE ($1 = '' OR n.nspname ~ $1) AND ($2 = '' OR p.proname ~ $2) AND ($3 = $3)
  AND ($1 <> '' OR pg_function_is_visible(p.oid))
  AND ($4 = 't' OR n.nspname NOT IN ('pg_catalog', 'information_schema'))
ORDER BY 1, 2, 4;
