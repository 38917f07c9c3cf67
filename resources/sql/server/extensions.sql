-- Extensions: installed with their version and schema, and whether the server offers a newer one.
SELECT a.name AS "Extension", coalesce(a.installed_version, '') AS "Installed", a.default_version AS "Available",
       CASE WHEN a.installed_version IS NULL THEN 'not installed'
            WHEN a.installed_version <> a.default_version THEN 'update: ALTER EXTENSION ' || quote_ident(a.name) || ' UPDATE'
            ELSE 'current' END AS "State",
       coalesce(n.nspname, '') AS "Schema"
FROM pg_available_extensions a
LEFT JOIN pg_extension e ON e.extname = a.name
LEFT JOIN pg_namespace n ON n.oid = e.extnamespace
ORDER BY a.installed_version IS NULL, a.name;
