-- Tables of the exposed schemas ($1) with policies and row level security off: the policies do nothing.
SELECT format('%I.%I', n.nspname, c.relname),
       format('%s polic%s (%s) but row level security is off', count(*), CASE WHEN count(*) = 1 THEN 'y' ELSE 'ies' END,
              string_agg(p.polname, ', ' ORDER BY p.polname)),
       format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY;', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_policy p ON p.polrelid = c.oid
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[]) AND NOT c.relrowsecurity
GROUP BY n.nspname, c.relname
ORDER BY 1;
