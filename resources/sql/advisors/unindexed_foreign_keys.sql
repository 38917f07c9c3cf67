-- Foreign keys of the user's schemas with no index whose leading columns are the key's: deletes
-- and updates of the referenced rows scan the table. ($1 is not used.)
SELECT format('%I.%I', n.nspname, c.relname),
       format('foreign key %s (%s) has no index', con.conname,
              (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)),
       format('CREATE INDEX CONCURRENTLY %I ON %I.%I (%s);', left(c.relname || '_' || con.conname || '_idx', 63), n.nspname, c.relname,
              (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum))
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE con.contype = 'f' AND n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'auth', 'storage', 'realtime', 'cron', 'net',
                                                                       'vault', 'supabase_functions', 'atlas_console')
  AND NOT EXISTS (SELECT 1 FROM pg_index i
                  WHERE i.indrelid = con.conrelid
                    AND (i.indkey::int2[])[0:array_length(con.conkey, 1) - 1] @> con.conkey
                    AND (i.indkey::int2[])[0:array_length(con.conkey, 1) - 1] <@ con.conkey)
  AND ($1::text[] IS NOT NULL)
ORDER BY 1, 2;
