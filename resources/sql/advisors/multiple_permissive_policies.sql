-- Tables of the exposed schemas ($1) with more than one permissive policy for the same role and
-- command: each is evaluated for every row.
WITH expanded AS (
    SELECT n.nspname, c.relname, p.polname,
           CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE '*' END AS command,
           CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END AS role
    FROM pg_policy p
    JOIN pg_class c ON c.oid = p.polrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(p.polroles) AS r
    WHERE p.polpermissive AND n.nspname = ANY ($1::text[]))
SELECT format('%I.%I', nspname, relname),
       format('%s policies for %s on %s: %s', count(*), role, command, string_agg(polname, ', ' ORDER BY polname)),
       format('-- merge %s into one policy on %I.%I with their conditions joined by OR', string_agg(quote_ident(polname), ', ' ORDER BY polname), nspname, relname)
FROM expanded
GROUP BY nspname, relname, role, command
HAVING count(*) > 1
ORDER BY 1, 2;
