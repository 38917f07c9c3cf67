-- Which of the objects unrecorded migrations create are in the database, in one round trip: one
-- row per check, by its position in the arrays ($1 kinds: table, view, column, index, policy,
-- function, trigger, rls; $2 schemas; $3 tables; $4 object names). Read from pg_catalog, which
-- every role may read, not information_schema, which hides what the role has no grant on.
SELECT c.ord, CASE c.kind
    WHEN 'table' THEN EXISTS (SELECT FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
                              WHERE n.nspname = c.schema AND r.relname = c.tbl AND r.relkind IN ('r', 'p', 'f'))
    WHEN 'view' THEN EXISTS (SELECT FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
                             WHERE n.nspname = c.schema AND r.relname = c.tbl AND r.relkind IN ('v', 'm'))
    WHEN 'column' THEN EXISTS (SELECT FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
                               JOIN pg_namespace n ON n.oid = r.relnamespace
                               WHERE n.nspname = c.schema AND r.relname = c.tbl AND a.attname = c.object
                                 AND a.attnum > 0 AND NOT a.attisdropped)
    WHEN 'index' THEN EXISTS (SELECT FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                              JOIN pg_class r ON r.oid = x.indrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                              WHERE n.nspname = c.schema AND r.relname = c.tbl AND i.relname = c.object)
    WHEN 'policy' THEN EXISTS (SELECT FROM pg_policy p JOIN pg_class r ON r.oid = p.polrelid
                               JOIN pg_namespace n ON n.oid = r.relnamespace
                               WHERE n.nspname = c.schema AND r.relname = c.tbl AND p.polname = c.object)
    WHEN 'function' THEN EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                 WHERE n.nspname = c.schema AND p.proname = c.object)
    WHEN 'trigger' THEN EXISTS (SELECT FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
                                JOIN pg_namespace n ON n.oid = r.relnamespace
                                WHERE n.nspname = c.schema AND r.relname = c.tbl AND t.tgname = c.object AND NOT t.tgisinternal)
    WHEN 'rls' THEN coalesce((SELECT r.relrowsecurity FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
                              WHERE n.nspname = c.schema AND r.relname = c.tbl), false)
    END
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS c(kind, schema, tbl, object, ord)
ORDER BY c.ord;
