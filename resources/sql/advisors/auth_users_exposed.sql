-- Views and materialized views of the exposed schemas ($1) that read auth.users and that anon or
-- authenticated may select from.
SELECT DISTINCT format('%I.%I', n.nspname, c.relname), 'reads auth.users (e-mails, phones, metadata) and the API roles can select it',
       format('REVOKE SELECT ON %I.%I FROM anon, authenticated;  -- or move it out of the exposed schemas', n.nspname, c.relname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_rewrite r ON r.ev_class = c.oid
JOIN pg_depend d ON d.objid = r.oid AND d.refobjid = 'auth.users'::regclass
WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY ($1::text[])
  AND (has_table_privilege('anon', c.oid, 'SELECT') OR has_table_privilege('authenticated', c.oid, 'SELECT'))
ORDER BY 1;
