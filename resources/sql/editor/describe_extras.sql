-- \d NAME, the rest of what psql shows under the columns: row level security, indexes,
-- constraints, policies and triggers of the relations matching $1 (schema, '' for the search
-- path) and $2 (name).
WITH rel AS (
    SELECT c.oid, n.nspname || '.' || c.relname AS name, c.relrowsecurity, c.relforcerowsecurity, c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relname ~ $2 AND ($3 = $3) AND ($4 = $4) AND (($1 = '' AND pg_table_is_visible(c.oid)) OR ($1 <> '' AND n.nspname ~ $1))
      AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))
SELECT rel.name AS "Relation", 'row level security' AS "Kind",
       CASE WHEN rel.relrowsecurity THEN 'enabled' ELSE 'disabled' END
       || CASE WHEN rel.relforcerowsecurity THEN ', forced' ELSE '' END AS "Name", '' AS "Definition"
FROM rel WHERE rel.relkind IN ('r', 'p')
UNION ALL
SELECT rel.name, 'index', i.relname, pg_get_indexdef(i.oid)
FROM rel JOIN pg_index x ON x.indrelid = rel.oid JOIN pg_class i ON i.oid = x.indexrelid
UNION ALL
SELECT rel.name,
       CASE con.contype WHEN 'c' THEN 'check constraint' WHEN 'f' THEN 'foreign key' WHEN 'p' THEN 'primary key'
                        WHEN 'u' THEN 'unique constraint' WHEN 'x' THEN 'exclusion constraint' ELSE 'constraint' END,
       con.conname, pg_get_constraintdef(con.oid)
FROM rel JOIN pg_constraint con ON con.conrelid = rel.oid
UNION ALL
SELECT rel.name, 'policy', pol.polname,
       CASE WHEN pol.polpermissive THEN '' ELSE 'AS RESTRICTIVE ' END
       || 'FOR ' || CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
       || ' TO ' || CASE WHEN pol.polroles = '{0}' THEN 'public'
                         ELSE (SELECT string_agg(r.rolname, ', ' ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = ANY (pol.polroles)) END
       || coalesce(' USING (' || pg_get_expr(pol.polqual, pol.polrelid) || ')', '')
       || coalesce(' WITH CHECK (' || pg_get_expr(pol.polwithcheck, pol.polrelid) || ')', '')
FROM rel JOIN pg_policy pol ON pol.polrelid = rel.oid
UNION ALL
SELECT rel.name, 'trigger', t.tgname, pg_get_triggerdef(t.oid)
FROM rel JOIN pg_trigger t ON t.tgrelid = rel.oid AND NOT t.tgisinternal
ORDER BY 1, 2, 3;
