-- Verify 20251002090000_update_daily_usage_tiers.
--
-- Contract: one read-only SELECT returning one row per check, columns
--   check_name text, passed boolean, detail text.
-- Checks, for daily_usage and response_cache: the tier check exists under its old name, allows
-- exactly free, core and studio, is validated (so every stored row satisfies it), the column
-- default is an allowed value, and no row still carries a legacy tier (with the distribution of
-- tiers as detail). The row counts are read with a query built as text and run by
-- query_to_xml() only when the table exists, so a missing table fails a row instead of the script.
WITH
expected (table_ord, table_name, constraint_name, allowed) AS (
    VALUES (1, 'daily_usage', 'daily_usage_tier_check', ARRAY['core', 'free', 'studio']),
           (2, 'response_cache', 'response_cache_tier_check', ARRAY['core', 'free', 'studio'])
),
found AS (
    SELECT e.*, c.oid AS rel, con.oid AS con_oid, con.convalidated,
           pg_catalog.pg_get_constraintdef(con.oid) AS definition,
           ARRAY(SELECT m[1]
                 FROM regexp_matches(pg_catalog.pg_get_constraintdef(con.oid), '''([^'']*)''', 'g') AS m
                 ORDER BY 1) AS actual_values,
           (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid)
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = c.oid AND a.attname = 'tier') AS tier_default
    FROM expected e
    LEFT JOIN pg_catalog.pg_class c
        ON c.relname = e.table_name AND c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
    LEFT JOIN pg_catalog.pg_constraint con
        ON con.conrelid = c.oid AND con.conname = e.constraint_name AND con.contype = 'c'
),
-- "legacy=<n>;tiers=<tier>:<n>,...", read from the table when it exists.
data AS (
    SELECT f.table_name,
           CASE WHEN f.rel IS NOT NULL THEN
               (xpath('/table/row/summary/text()',
                      query_to_xml(format(
                          'SELECT count(*) FILTER (WHERE tier IN (''basic'', ''premium'')) || '';'' || '
                          'coalesce(string_agg(tier || '':'' || n, '','' ORDER BY tier), ''no rows'') AS summary '
                          'FROM (SELECT tier, count(*) AS n FROM public.%I GROUP BY tier) t',
                          f.table_name), false, false, '')))[1]::text
           END AS summary
    FROM found f
),
checks (section, item, check_name, passed, detail) AS (
    SELECT 1, f.table_ord,
           format('check %s on public.%s allows exactly %s', f.constraint_name, f.table_name,
                  array_to_string(f.allowed, ', ')),
           f.actual_values IS NOT DISTINCT FROM f.allowed,
           CASE WHEN f.rel IS NULL THEN 'table missing'
                WHEN f.con_oid IS NULL THEN 'constraint missing'
                ELSE 'found: ' || f.definition END
    FROM found f

    UNION ALL
    SELECT 2, f.table_ord,
           format('check %s on public.%s is validated', f.constraint_name, f.table_name),
           coalesce(f.convalidated, false),
           CASE WHEN f.con_oid IS NULL THEN 'constraint missing'
                WHEN f.convalidated THEN 'every row satisfies it'
                ELSE 'NOT VALID: existing rows were not checked' END
    FROM found f

    UNION ALL
    SELECT 3, f.table_ord,
           format('default of public.%s.tier is an allowed tier', f.table_name),
           coalesce(substring(f.tier_default FROM '^''([^'']*)''') = ANY (f.allowed), false),
           coalesce('default ' || f.tier_default, CASE WHEN f.rel IS NULL THEN 'table missing'
                                                        ELSE 'no default' END)
    FROM found f

    UNION ALL
    SELECT 4, f.table_ord,
           format('no row of public.%s has a legacy tier (basic, premium)', f.table_name),
           coalesce(split_part(d.summary, ';', 1) = '0', false),
           CASE WHEN f.rel IS NULL THEN 'table missing'
                ELSE format('%s legacy row(s); rows per tier: %s',
                            split_part(d.summary, ';', 1), split_part(d.summary, ';', 2)) END
    FROM found f
    JOIN data d ON d.table_name = f.table_name
)
SELECT check_name, passed, detail
FROM checks
ORDER BY section, item, check_name;
