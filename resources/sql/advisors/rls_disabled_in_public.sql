-- Tables of the exposed schemas ($1, a text array) without row level security.
SELECT format('%I.%I', n.nspname, c.relname), 'row level security is off: the API serves every row to the anon key',
       format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY;', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[]) AND NOT c.relrowsecurity
ORDER BY 1;
