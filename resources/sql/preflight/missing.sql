-- What of a migration run's needs this database lacks: extensions the server does not offer ($1),
-- schemas ($2), roles ($3) and publications ($4) that do not exist; one row per missing name.
SELECT 'extension', e FROM unnest($1::text[]) AS e
WHERE NOT EXISTS (SELECT FROM pg_available_extensions WHERE name = e)
UNION ALL
SELECT 'schema', s FROM unnest($2::text[]) AS s
WHERE NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = s)
UNION ALL
SELECT 'role', r FROM unnest($3::text[]) AS r
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r)
UNION ALL
SELECT 'publication', p FROM unnest($4::text[]) AS p
WHERE NOT EXISTS (SELECT FROM pg_publication WHERE pubname = p);
