-- Tables of the exposed schemas ($1) with row level security on and no policy.
SELECT format('%I.%I', n.nspname, c.relname), 'row level security is on and no policy exists: the API roles see no rows',
       format('CREATE POLICY "read own rows" ON %I.%I FOR SELECT TO authenticated USING (true);  -- write the condition', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[]) AND c.relrowsecurity
  AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
ORDER BY 1;
