-- Policies of the exposed schemas ($1) that call auth.uid(), auth.jwt(), auth.role() or
-- current_setting() directly: PostgreSQL evaluates them for every row instead of once.
SELECT format('%I.%I', n.nspname, c.relname),
       format('policy %s calls %s for every row', p.polname,
              substring(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
                        FROM '(auth\.[a-z]+\(\)|current_setting\([^)]*\))')),
       format('-- in policy %s on %I.%I, write (SELECT auth.uid()) instead of auth.uid()', quote_ident(p.polname), n.nspname, c.relname)
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY ($1::text[])
  AND (coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
      ~ '(auth\.(uid|jwt|role|email)\(\)|current_setting\()'
  AND (coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
      !~* '\(\s*select\s+(auth\.(uid|jwt|role|email)\(\)|current_setting\()'
ORDER BY 1, 2;
