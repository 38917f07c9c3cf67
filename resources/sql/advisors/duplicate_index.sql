-- Indexes of the user's schemas that are the same as another on the same table (columns,
-- expressions, predicate, method, operator classes, collations): every write pays for both.
-- ($1 is not used.)
SELECT format('%I.%I', n.nspname, t.relname),
       format('indexes %s are identical', string_agg(quote_ident(i.relname), ', ' ORDER BY i.relname)),
       -- Kept: a primary key's or unique index first, else the first by name; dropped: the next.
       format('DROP INDEX CONCURRENTLY %I.%I;  -- keep %s', n.nspname,
              (array_agg(i.relname ORDER BY x.indisprimary DESC, x.indisunique DESC, i.relname))[2],
              (array_agg(i.relname ORDER BY x.indisprimary DESC, x.indisunique DESC, i.relname))[1])
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'atlas_console', 'auth', 'storage', 'realtime', 'cron', 'net',
                                                 'vault', 'supabase_functions', 'supabase_migrations', 'extensions', 'graphql')
  AND ($1::text[] IS NOT NULL)
GROUP BY n.nspname, t.relname, x.indrelid, x.indkey::text, coalesce(pg_get_expr(x.indexprs, x.indrelid), ''),
         coalesce(pg_get_expr(x.indpred, x.indrelid), ''), x.indclass::text, x.indcollation::text, i.relam
HAVING count(*) > 1
ORDER BY 1;
