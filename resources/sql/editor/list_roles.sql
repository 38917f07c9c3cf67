-- \du: roles whose name matches $2 ('' for any); pg_* roles when $4 is 't'. ($1, $3 not used.)
SELECT r.rolname AS "Role name",
       concat_ws(', ', CASE WHEN r.rolsuper THEN 'Superuser' END, CASE WHEN r.rolcreaterole THEN 'Create role' END,
                 CASE WHEN r.rolcreatedb THEN 'Create DB' END, CASE WHEN NOT r.rolcanlogin THEN 'Cannot login' END,
                 CASE WHEN r.rolreplication THEN 'Replication' END, CASE WHEN r.rolbypassrls THEN 'Bypass RLS' END,
                 CASE WHEN NOT r.rolinherit THEN 'No inheritance' END) AS "Attributes",
       coalesce((SELECT string_agg(g.rolname, ', ' ORDER BY g.rolname) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                 WHERE m.member = r.oid), '') AS "Member of"
FROM pg_roles r
WHERE ($2 = '' OR r.rolname ~ $2) AND ($1 = $1) AND ($3 = $3) AND ($4 = 't' OR r.rolname !~ '^pg_')
ORDER BY 1;
