-- Who may do what on table $1.$2, one line per grantee: "role: privileges".
SELECT grantee || ': ' || string_agg(privilege_type, ', ' ORDER BY privilege_type)
FROM information_schema.role_table_grants WHERE table_schema = $1 AND table_name = $2
GROUP BY grantee ORDER BY grantee;
