-- Functions of the user's schemas (not the system's nor Supabase's) without a fixed search_path.
-- ($1 is not used: every advisor query gets the exposed schemas.)
SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
       CASE WHEN p.prosecdef THEN 'SECURITY DEFINER and no fixed search_path: callers can redirect the names it uses'
            ELSE 'no fixed search_path: the names it uses resolve through the caller''s' END,
       format('ALTER FUNCTION %I.%I(%s) SET search_path = '''';  -- then qualify the names in its body', n.nspname, p.proname,
              pg_get_function_identity_arguments(p.oid))
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'auth', 'storage', 'realtime', 'extensions', 'graphql', 'graphql_public',
                        'vault', 'cron', 'net', 'pgsodium', 'pgsodium_masks', 'supabase_functions', 'supabase_migrations', 'pgbouncer',
                        'atlas_console')
  AND n.nspname !~ '^pg_' AND p.prokind IN ('f', 'p')
  AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) AS setting WHERE setting LIKE 'search_path=%')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  AND ($1::text[] IS NOT NULL)
ORDER BY 1;
