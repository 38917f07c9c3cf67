-- The schema model: every object of the schemas in scope, one row each, in one query, for schema
-- compare (core/schema/SchemaModel). Read with search_path = '' so that every name in rendered
-- expressions and bodies is schema-qualified, the same way on both sides of a comparison.
--
-- Row: kind, name (schema-qualified, quoted as SQL writes it), schema, parent (the table or domain
-- of a column, constraint, index, policy or trigger: its name), definition (what is compared and
-- shown), attrs (json: the parts the SQL generator needs), classid, objid, objsubid (where it is in
-- the catalog, as pg_depend names it: what it uses is read by schema/links.sql; a column's objsubid
-- is its number in its table).
--
-- $1 text[]: schemas left out (Supabase-managed ones by default, and the tools' bookkeeping).
-- $2 text[]: when not empty, only these schemas.
-- $3 text[]: schemas left out whose tables' policies and triggers still count (a trigger on
--            auth.users, a policy on storage.objects are the project's own, not Supabase's).
-- $4 text[]: extensions left out (those the platform installs in every project itself).
-- $5 int:    which part: 0 all; 1 the tables' columns and their grants; 2 everything else. The two
--            parts take about as long each (the columns' defaults are most of the time), so the
--            reader runs them side by side on two connections sharing one snapshot.
-- Objects that belong to an extension are left out: they come and go with the extension; so are
-- those PostgreSQL makes for another (a range type's constructor functions, an identity's sequence).
WITH
schemas AS (
    SELECT n.oid, n.nspname::text AS nspname, n.nspowner, n.nspacl
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT (n.nspname = ANY ($1::text[]))
      AND (cardinality($2::text[]) = 0 OR n.nspname = ANY ($2::text[]))
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
),
relations AS (
    SELECT c.oid, c.relkind::text AS relkind, c.relowner, c.relacl, c.relpersistence::text AS relpersistence,
           c.relrowsecurity, c.relforcerowsecurity, c.relreplident::text AS relreplident, c.reloptions,
           c.relispartition, c.relpartbound, c.relispopulated, s.nspname, format('%I.%I', s.nspname, c.relname) AS qualified
    FROM pg_catalog.pg_class c
    JOIN schemas s ON s.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
      -- objsubid 0: the relation itself (a partitioned table's key columns depend on it, 'i')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.objsubid = 0
                        AND d.deptype IN ('e', 'i'))
),
-- Tables (and views, for INSTEAD OF triggers) whose policies and triggers count: those in scope,
-- and those of $3's schemas.
hosts AS (
    SELECT r.oid, r.qualified, true AS in_scope FROM relations r WHERE r.relkind IN ('r', 'p', 'f', 'v')
    UNION ALL
    SELECT c.oid, format('%I.%I', n.nspname, c.relname), false
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ($3::text[]) AND c.relkind IN ('r', 'p')
),
columns AS (
    SELECT r.oid AS relid, r.qualified, r.nspname, a.attnum, a.attname::text AS attname, a.attacl,
           format_type(a.atttypid, a.atttypmod) AS type_name, a.attnotnull, a.attidentity::text AS attidentity,
           a.attgenerated::text AS attgenerated, ad.default_expr, ad.oid AS attrdef,
           NOT a.attislocal AS inherited,
           -- An identity's sequence options, as ALTER COLUMN ... SET takes them (only identity
           -- columns look, through the internal dependency of their sequence).
           CASE WHEN a.attidentity <> '' THEN
               (SELECT ARRAY['START WITH ' || sq.seqstart, 'INCREMENT BY ' || sq.seqincrement, 'MINVALUE ' || sq.seqmin,
                             'MAXVALUE ' || sq.seqmax, 'CACHE ' || sq.seqcache, CASE WHEN sq.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END]
                FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = d.objid
                WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
                  AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
                LIMIT 1) END AS identity_options,
           -- Looked up only where a column has a default, or a collation (most have neither).
           CASE WHEN a.attcollation <> 0
                     AND a.attcollation <> (SELECT t.typcollation FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid) THEN
               (SELECT format('%I.%I', cn.nspname, co.collname)
                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                WHERE co.oid = a.attcollation) END AS collation_name,
           -- What ALTER COLUMN ... SET changes from the defaults: pg_dump writes it, and a table made
           -- again (its column order) must keep it. NULL for most columns.
           nullif(array_remove(ARRAY[CASE WHEN a.attstattarget >= 0 THEN 'STATISTICS ' || a.attstattarget END,
                                     CASE WHEN a.attstorage <> ty.typstorage THEN 'STORAGE ' || storage.word END,
                                     CASE a.attcompression WHEN 'p' THEN 'COMPRESSION pglz' WHEN 'l' THEN 'COMPRESSION lz4' END], NULL),
                  '{}') AS settings,
           CASE WHEN a.attstorage <> ty.typstorage THEN type_storage.word END AS type_storage
    FROM relations r
    JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
    CROSS JOIN LATERAL (SELECT CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END AS word) storage
    CROSS JOIN LATERAL (SELECT CASE ty.typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END AS word) type_storage
    LEFT JOIN LATERAL (SELECT d.oid, pg_get_expr(d.adbin, d.adrelid) AS default_expr
                       FROM pg_catalog.pg_attrdef d
                       WHERE a.atthasdef AND d.adrelid = a.attrelid AND d.adnum = a.attnum) ad ON true
    WHERE r.relkind IN ('r', 'p', 'f')
),
functions AS (
    SELECT p.oid, p.prokind::text AS prokind, p.proowner, p.proacl, s.nspname,
           format('%I.%I(%s)', s.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS signature
    FROM pg_catalog.pg_proc p
    JOIN schemas s ON s.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
),
-- User-defined types without the implicit ones: arrays, row types of relations, multiranges.
types AS (
    SELECT t.oid, t.typtype::text AS typtype, t.typowner, t.typacl, t.typrelid, t.typbasetype, t.typtypmod,
           t.typnotnull, t.typdefault, t.typcollation, s.nspname, format('%I.%I', s.nspname, t.typname) AS qualified
    FROM pg_catalog.pg_type t
    JOIN schemas s ON s.oid = t.typnamespace
    WHERE t.typtype <> 'm'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid)
      AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
),
-- Every ACL, NULL (the built-in default) spelled out, so that an explicit grant equal to the
-- default compares equal to none. Grantors are not compared: who granted does not change access.
acls AS (
    SELECT 'schema' AS on_kind, quote_ident(s.nspname) AS object, s.nspname, NULL::text AS on_column,
           coalesce(s.nspacl, acldefault('n', s.nspowner)) AS acl
    FROM schemas s
    UNION ALL
    SELECT CASE r.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END, r.qualified, r.nspname, NULL,
           coalesce(r.relacl, acldefault(CASE r.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", r.relowner))
    FROM relations r
    UNION ALL
    SELECT CASE f.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, f.signature, f.nspname, NULL,
           coalesce(f.proacl, acldefault('f', f.proowner))
    FROM functions f
    UNION ALL
    SELECT 'type', t.qualified, t.nspname, NULL, coalesce(t.typacl, acldefault('T', t.typowner)) FROM types t
),
-- The tables' columns, and their grants (column ACLs): part 1.
column_objects (kind, name, schema, parent, definition, attrs, classid, objid, objsubid) AS (
    SELECT 'column', c.qualified || '.' || quote_ident(c.attname), c.nspname, c.qualified,
           concat_ws(' ', c.type_name, 'COLLATE ' || c.collation_name, CASE WHEN c.attnotnull THEN 'NOT NULL' END,
                     CASE c.attidentity WHEN 'a' THEN 'GENERATED ALWAYS AS IDENTITY'
                                        WHEN 'd' THEN 'GENERATED BY DEFAULT AS IDENTITY' END
                         || ' (' || array_to_string(c.identity_options, ' ') || ')',
                     CASE WHEN c.attgenerated = 's' THEN 'GENERATED ALWAYS AS (' || c.default_expr || ') STORED'
                          ELSE 'DEFAULT ' || c.default_expr END,
                     CASE WHEN c.inherited THEN '(inherited)' END, array_to_string(c.settings, ' ')),
           -- to_json of one row costs half of json_build_object's eleven arguments, here where
           -- there are ten thousand rows. json, not jsonb, throughout: its text is what is sent,
           -- and building jsonb only to print it again was a seventh of this query's time.
           (SELECT to_json(x) FROM (SELECT quote_ident(c.attname) AS "column", c.type_name AS type,
                                            c.collation_name AS collation, c.attnotnull AS not_null,
                                            c.attidentity AS identity, c.identity_options,
                                            CASE WHEN c.attgenerated = 's' THEN c.default_expr END AS generated,
                                            CASE WHEN c.attgenerated = '' THEN c.default_expr END AS "default",
                                            c.inherited, c.settings, c.type_storage) x),
           'pg_catalog.pg_class'::regclass::oid, c.relid, c.attnum::int
    FROM columns c

    UNION ALL
    SELECT 'acl', 'column ' || c.qualified || '.' || quote_ident(c.attname), c.nspname, NULL, c.attacl::text,
           json_build_object('on_kind', 'column', 'object', c.qualified, 'column', quote_ident(c.attname)),
           NULL, NULL, NULL
    FROM columns c
    WHERE c.attacl IS NOT NULL
),
-- Everything else: part 2.
other_objects (kind, name, schema, parent, definition, attrs, classid, objid, objsubid) AS (
    SELECT 'schema', quote_ident(s.nspname), s.nspname, NULL, 'owner ' || pg_get_userbyid(s.nspowner),
           json_build_object('owner', quote_ident(pg_get_userbyid(s.nspowner))),
           'pg_catalog.pg_namespace'::regclass::oid, s.oid, 0::int
    FROM schemas s

    UNION ALL
    SELECT 'extension', quote_ident(e.extname), NULL, NULL,
           format('version %s, schema %s', e.extversion, quote_ident(n.nspname)),
           json_build_object('version', e.extversion, 'in_schema', quote_ident(n.nspname)),
           'pg_catalog.pg_extension'::regclass, e.oid, 0
    FROM pg_catalog.pg_extension e
    JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname <> 'plpgsql' AND NOT (e.extname = ANY ($4::text[]))

    UNION ALL
    SELECT 'table', r.qualified, r.nspname, NULL,
           concat_ws(E'\n',
               CASE r.relkind WHEN 'p' THEN 'partitioned table' WHEN 'f' THEN 'foreign table' ELSE 'table' END
                   || CASE WHEN r.relpersistence = 'u' THEN ', unlogged' ELSE '' END,
               'row level security ' || CASE WHEN r.relrowsecurity THEN 'enabled' ELSE 'disabled' END
                   || CASE WHEN r.relforcerowsecurity THEN ', forced' ELSE '' END,
               'owner ' || pg_get_userbyid(r.relowner),
               'options ' || array_to_string(r.reloptions, ', '),
               'replica identity ' || NULLIF(r.relreplident, 'd'),
               'partition by ' || CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
               'partition of ' || pi.parent || ' ' || CASE WHEN r.relispartition THEN pg_get_expr(r.relpartbound, r.oid) END,
               'inherits ' || CASE WHEN NOT r.relispartition THEN pi.parent END),
           json_build_object('relkind', r.relkind, 'unlogged', r.relpersistence = 'u', 'rls', r.relrowsecurity,
                              'force_rls', r.relforcerowsecurity, 'owner', quote_ident(pg_get_userbyid(r.relowner)),
                              'options', to_json(r.reloptions), 'replica_identity', r.relreplident,
                              'partition_by', CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
                              'partition_of', CASE WHEN r.relispartition THEN pi.parent END,
                              'partition_bound', CASE WHEN r.relispartition THEN pg_get_expr(r.relpartbound, r.oid) END,
                              'inherits', CASE WHEN NOT r.relispartition THEN pi.parent END,
                              -- What the model does not carry and a table made again would lose.
                              'not_modelled', nullif(concat_ws(', ',
                                  CASE WHEN r.relreplident = 'i' THEN 'a replica identity index' END,
                                  CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_index ci WHERE ci.indrelid = r.oid AND ci.indisclustered)
                                       THEN 'the index it is clustered on' END), '')),
           'pg_catalog.pg_class'::regclass, r.oid, 0
    FROM relations r
    LEFT JOIN LATERAL (SELECT string_agg(format('%I.%I', pn.nspname, pc.relname), ', ' ORDER BY i.inhseqno) AS parent
                       FROM pg_catalog.pg_inherits i
                       JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                       JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                       WHERE i.inhrelid = r.oid) pi ON true
    WHERE r.relkind IN ('r', 'p', 'f')

    UNION ALL
    SELECT 'view', r.qualified, r.nspname, NULL,
           concat_ws(E'\n', CASE r.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END,
                     'owner ' || pg_get_userbyid(r.relowner), 'options ' || array_to_string(r.reloptions, ', '),
                     pg_get_viewdef(r.oid, true)),
           json_build_object('materialized', r.relkind = 'm', 'owner', quote_ident(pg_get_userbyid(r.relowner)),
                              'options', to_json(r.reloptions), 'query', pg_get_viewdef(r.oid, true),
                              -- Whether it holds rows is data, not schema: not compared, kept when made.
                              'populated', r.relispopulated),
           'pg_catalog.pg_class'::regclass, r.oid, 0
    FROM relations r
    WHERE r.relkind IN ('v', 'm')

    UNION ALL
    SELECT 'sequence', r.qualified, r.nspname, NULL,
           format('as %s, start %s, increment %s, min %s, max %s, cache %s%s, owned by %s, owner %s',
                  format_type(sq.seqtypid, NULL), sq.seqstart, sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqcache,
                  CASE WHEN sq.seqcycle THEN ', cycle' ELSE '' END, coalesce(owned.col, 'none'),
                  pg_get_userbyid(r.relowner)),
           json_build_object('type', format_type(sq.seqtypid, NULL), 'start', sq.seqstart::text,
                              'increment', sq.seqincrement::text, 'min', sq.seqmin::text, 'max', sq.seqmax::text,
                              'cache', sq.seqcache::text, 'cycle', sq.seqcycle, 'owned_by', owned.col,
                              'owner', quote_ident(pg_get_userbyid(r.relowner))),
           'pg_catalog.pg_class'::regclass, r.oid, 0
    FROM relations r
    JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = r.oid
    LEFT JOIN LATERAL (SELECT format('%I.%I.%I', tn.nspname, tc.relname, ta.attname) AS col
                       FROM pg_catalog.pg_depend d
                       JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                       JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                       JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
                       WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = r.oid
                         AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a'
                       LIMIT 1) owned ON true


    UNION ALL
    SELECT 'constraint', coalesce(r.qualified, t.qualified) || '.' || quote_ident(con.conname),
           coalesce(r.nspname, t.nspname), coalesce(r.qualified, t.qualified), cd.def,
           json_build_object('constraint', quote_ident(con.conname), 'type', con.contype::text,
                              'on_domain', t.oid IS NOT NULL, 'definition', cd.def),
           'pg_catalog.pg_constraint'::regclass, con.oid, 0
    FROM pg_catalog.pg_constraint con
    LEFT JOIN relations r ON r.oid = con.conrelid AND con.conrelid <> 0
    LEFT JOIN types t ON t.oid = con.contypid AND con.contypid <> 0
    -- OFFSET 0 keeps the planner from inlining the call into both places that use it.
    CROSS JOIN LATERAL (SELECT pg_get_constraintdef(con.oid) AS def OFFSET 0) cd
    WHERE (r.oid IS NOT NULL OR t.oid IS NOT NULL) AND con.conislocal AND con.conparentid = 0 AND con.contype <> 't'

    UNION ALL
    SELECT 'index', format('%I.%I', r.nspname, ic.relname), r.nspname, r.qualified,
           id.def || CASE WHEN NOT i.indisvalid THEN ' (INVALID)' ELSE '' END,
           json_build_object('definition', id.def, 'valid', i.indisvalid),
           'pg_catalog.pg_class'::regclass, ic.oid, 0
    FROM relations r
    JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    -- On a partitioned table PostgreSQL writes CREATE INDEX ... ON ONLY, which would leave the
    -- partitions without it: without ONLY, it is made on each.
    CROSS JOIN LATERAL (SELECT CASE WHEN ic.relkind = 'I' THEN replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ')
                                    ELSE pg_get_indexdef(i.indexrelid) END AS def OFFSET 0) id
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = i.indexrelid)

    UNION ALL
    SELECT 'policy', h.qualified || '.' || quote_ident(pol.polname), split_part(h.qualified, '.', 1), h.qualified,
           concat_ws(E'\n',
               CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END || ' FOR ' || cmd.name,
               'TO ' || roles.list, 'USING (' || expr.qual || ')', 'WITH CHECK (' || expr.checked || ')'),
           json_build_object('policy', quote_ident(pol.polname), 'permissive', pol.polpermissive, 'command', cmd.name,
                              'roles', roles.list, 'using', expr.qual, 'check', expr.checked, 'host_in_scope', h.in_scope),
           'pg_catalog.pg_policy'::regclass, pol.oid, 0
    FROM hosts h
    JOIN pg_catalog.pg_policy pol ON pol.polrelid = h.oid
    CROSS JOIN LATERAL (SELECT CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                                               WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS name) cmd
    CROSS JOIN LATERAL (SELECT string_agg(rn.name, ', ' ORDER BY rn.name) AS list
                        FROM unnest(pol.polroles) AS pr(role)
                        CROSS JOIN LATERAL (SELECT CASE WHEN pr.role = 0 THEN 'PUBLIC'
                                                        ELSE quote_ident(pg_get_userbyid(pr.role)) END AS name) rn) roles
    CROSS JOIN LATERAL (SELECT pg_get_expr(pol.polqual, pol.polrelid) AS qual,
                               pg_get_expr(pol.polwithcheck, pol.polrelid) AS checked OFFSET 0) expr

    UNION ALL
    SELECT 'trigger', h.qualified || '.' || quote_ident(tg.tgname), split_part(h.qualified, '.', 1), h.qualified,
           pg_get_triggerdef(tg.oid) || CASE tg.tgenabled WHEN 'D' THEN ' (disabled)' WHEN 'R' THEN ' (replica)'
                                                          WHEN 'A' THEN ' (always)' ELSE '' END,
           json_build_object('trigger', quote_ident(tg.tgname), 'definition', pg_get_triggerdef(tg.oid),
                              'enabled', tg.tgenabled::text, 'host_in_scope', h.in_scope),
           'pg_catalog.pg_trigger'::regclass, tg.oid, 0
    FROM hosts h
    JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = h.oid AND NOT tg.tgisinternal AND tg.tgparentid = 0
    -- On a table out of scope, only the triggers that call a function in scope are the project's.
    WHERE h.in_scope OR EXISTS (SELECT FROM functions f WHERE f.oid = tg.tgfoid)

    UNION ALL
    -- Rules the project wrote on its tables and views (a view's own _RETURN rule is the view).
    SELECT 'rule', h.qualified || '.' || quote_ident(ru.rulename), split_part(h.qualified, '.', 1), h.qualified,
           pg_get_ruledef(ru.oid) || CASE ru.ev_enabled WHEN 'D' THEN ' (disabled)' WHEN 'R' THEN ' (replica)'
                                                       WHEN 'A' THEN ' (always)' ELSE '' END,
           json_build_object('rule', quote_ident(ru.rulename), 'definition', pg_get_ruledef(ru.oid), 'enabled', ru.ev_enabled::text),
           'pg_catalog.pg_rewrite'::regclass, ru.oid, 0
    FROM hosts h
    JOIN pg_catalog.pg_rewrite ru ON ru.ev_class = h.oid AND ru.rulename <> '_RETURN'
    WHERE h.in_scope

    UNION ALL
    -- Collations made by the project (a column's COLLATE "public.case_insensitive" needs it first).
    SELECT 'collation', format('%I.%I', sn.nspname, co.collname), sn.nspname, NULL, co.def,
           json_build_object('definition', co.def), 'pg_catalog.pg_collation'::regclass, co.oid, 0
    FROM (SELECT c.*, format('CREATE COLLATION %I.%I (%s, deterministic = %s)', n.nspname, c.collname,
                             -- colliculocale is colllocale from PostgreSQL 17 on: read by name from the row.
                             CASE c.collprovider
                                 WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale'))
                                 WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal(to_jsonb(c) ->> 'colllocale')
                                 ELSE 'provider = libc, lc_collate = ' || quote_literal(c.collcollate)
                                      || ', lc_ctype = ' || quote_literal(c.collctype) END,
                             CASE WHEN c.collisdeterministic THEN 'true' ELSE 'false' END) AS def
          FROM pg_catalog.pg_collation c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace) co
    JOIN schemas sn ON sn.oid = co.collnamespace
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_collation'::regclass AND d.objid = co.oid AND d.deptype = 'e')

    UNION ALL
    -- Event triggers that call a function in scope (the platform's own call functions of its
    -- schemas, out of scope).
    SELECT 'event trigger', quote_ident(et.evtname), NULL, NULL,
           et.def || CASE et.evtenabled WHEN 'D' THEN ' (disabled)' WHEN 'R' THEN ' (replica)' WHEN 'A' THEN ' (always)' ELSE '' END,
           json_build_object('definition', et.def, 'enabled', et.evtenabled::text, 'event_trigger', quote_ident(et.evtname)),
           'pg_catalog.pg_event_trigger'::regclass, et.oid, 0
    FROM (SELECT e.*, format('CREATE EVENT TRIGGER %I ON %s%s EXECUTE FUNCTION %s.%I()', e.evtname, e.evtevent,
                             (SELECT ' WHEN TAG IN (' || string_agg(quote_literal(tag), ', ') || ')' FROM unnest(e.evttags) tag),
                             quote_ident(f.nspname), p.proname) AS def
          FROM pg_catalog.pg_event_trigger e
          JOIN functions f ON f.oid = e.evtfoid
          JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid) et

    UNION ALL
    -- Extended statistics (CREATE STATISTICS), with the target ALTER STATISTICS set.
    SELECT 'statistics', format('%I.%I', sn.nspname, st.stxname), sn.nspname, r.qualified,
           pg_get_statisticsobjdef(st.oid) || CASE WHEN st.stxstattarget >= 0 THEN ' (target ' || st.stxstattarget || ')' ELSE '' END,
           json_build_object('definition', pg_get_statisticsobjdef(st.oid), 'target', st.stxstattarget),
           'pg_catalog.pg_statistic_ext'::regclass, st.oid, 0
    FROM pg_catalog.pg_statistic_ext st
    JOIN schemas sn ON sn.oid = st.stxnamespace
    JOIN relations r ON r.oid = st.stxrelid

    UNION ALL
    SELECT 'function', f.signature, f.nspname, NULL,
           CASE WHEN f.prokind = 'a' THEN 'aggregate returning ' || pg_get_function_result(f.oid)
                ELSE pg_get_functiondef(f.oid) END || E'\n-- owner ' || pg_get_userbyid(f.proowner),
           json_build_object('kind', f.prokind, 'result', pg_get_function_result(f.oid),
                              'arguments', pg_get_function_arguments(f.oid),
                              'definition', CASE WHEN f.prokind <> 'a' THEN pg_get_functiondef(f.oid) END,
                              'language', (SELECT l.lanname FROM pg_catalog.pg_language l JOIN pg_catalog.pg_proc p
                                           ON p.prolang = l.oid WHERE p.oid = f.oid),
                              'owner', quote_ident(pg_get_userbyid(f.proowner))),
           'pg_catalog.pg_proc'::regclass, f.oid, 0
    FROM functions f

    UNION ALL
    SELECT 'type', t.qualified, t.nspname, NULL,
           CASE t.typtype
               WHEN 'e' THEN 'enum (' || array_to_string(labels.list, ', ') || ')'
               WHEN 'd' THEN concat_ws(' ', 'domain as ' || format_type(t.typbasetype, t.typtypmod) || coalesce(dcoll.clause, ''),
                                       CASE WHEN t.typnotnull THEN 'NOT NULL' END, 'DEFAULT ' || t.typdefault)
               WHEN 'c' THEN 'composite (' || composite.list || ')'
               WHEN 'r' THEN 'range of ' || (SELECT format_type(rg.rngsubtype, NULL) FROM pg_catalog.pg_range rg
                                             WHERE rg.rngtypid = t.oid)
               ELSE 'type ' || t.typtype END || E'\nowner ' || pg_get_userbyid(t.typowner),
           json_build_object('typtype', t.typtype, 'labels', to_json(labels.list),
                              'base', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) || coalesce(dcoll.clause, '') END,
                              'not_null', t.typnotnull, 'default', t.typdefault, 'attributes', composite.list,
                              'attribute_names', to_json(composite.names), 'attribute_types', to_json(composite.types),
                              'subtype', (SELECT format_type(rg.rngsubtype, NULL) FROM pg_catalog.pg_range rg
                                          WHERE rg.rngtypid = t.oid),
                              'owner', quote_ident(pg_get_userbyid(t.typowner))),
           'pg_catalog.pg_type'::regclass, t.oid, 0
    FROM types t
    LEFT JOIN LATERAL (SELECT array_agg(quote_literal(en.enumlabel) ORDER BY en.enumsortorder) AS list
                       FROM pg_catalog.pg_enum en WHERE en.enumtypid = t.oid) labels ON true
    LEFT JOIN LATERAL (SELECT string_agg(quote_ident(a.attname) || ' ' || a.type_name, ', ' ORDER BY a.attnum) AS list,
                              array_agg(quote_ident(a.attname) ORDER BY a.attnum) AS names,
                              array_agg(a.type_name ORDER BY a.attnum) AS types
                       FROM (SELECT pa.attname, pa.attnum,
                                    format_type(pa.atttypid, pa.atttypmod) || coalesce(' COLLATE ' || collation_of.name, '') AS type_name
                             FROM pg_catalog.pg_attribute pa
                             JOIN pg_catalog.pg_type at ON at.oid = pa.atttypid
                             LEFT JOIN LATERAL (SELECT format('%I.%I', cn.nspname, co.collname) AS name
                                                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                                                WHERE co.oid = pa.attcollation AND pa.attcollation <> at.typcollation) collation_of ON true
                             WHERE pa.attrelid = t.typrelid AND t.typrelid <> 0 AND pa.attnum > 0 AND NOT pa.attisdropped) a) composite ON true
    -- A domain's collation where it is not its base type's.
    LEFT JOIN LATERAL (SELECT ' COLLATE ' || format('%I.%I', cn.nspname, co.collname) AS clause
                       FROM pg_catalog.pg_collation co
                       JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                       JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
                       WHERE t.typtype = 'd' AND co.oid = t.typcollation AND t.typcollation <> bt.typcollation) dcoll ON true

    UNION ALL
    -- An object's privileges as its ACL, one row per object: the reader splits it into one
    -- 'grant' per grantee (aclexplode here cost a seventh of this query on 1,000 tables).
    SELECT 'acl', a.on_kind || ' ' || a.object || coalesce('.' || a.on_column, ''), a.nspname, NULL, a.acl::text,
           json_build_object('on_kind', a.on_kind, 'object', a.object, 'column', a.on_column),
           NULL, NULL, NULL
    FROM acls a

    UNION ALL
    SELECT 'default privilege',
           format('for %s in %s on %s to %s', quote_ident(pg_get_userbyid(da.defaclrole)),
                  CASE WHEN da.defaclnamespace = 0 THEN 'all schemas' ELSE 'schema ' || quote_ident(s.nspname) END,
                  ot.name, e.grantee),
           s.nspname, NULL, e.privileges,
           json_build_object('role', quote_ident(pg_get_userbyid(da.defaclrole)), 'schema', s.nspname,
                              'in_schema', CASE WHEN da.defaclnamespace <> 0 THEN quote_ident(s.nspname) END,
                              'on', ot.name, 'grantee', e.grantee, 'privileges', to_json(e.list)),
           NULL, NULL, NULL
    FROM pg_catalog.pg_default_acl da
    LEFT JOIN schemas s ON s.oid = da.defaclnamespace
    CROSS JOIN LATERAL (SELECT CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                                   WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' END AS name) ot
    CROSS JOIN LATERAL (SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(x.grantee)) END AS grantee,
                               string_agg(x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END,
                                          ', ' ORDER BY x.privilege_type) AS privileges,
                               array_agg(x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END
                                         ORDER BY x.privilege_type) AS list
                        FROM aclexplode(da.defaclacl) AS x
                        GROUP BY x.grantee) e
    WHERE da.defaclnamespace = 0 OR s.oid IS NOT NULL

    UNION ALL
    -- A table entry as CREATE/ALTER PUBLICATION writes it: its column list and row filter with it.
    -- Only tables and schemas in scope: supabase_realtime's storage.objects is not the project's to
    -- compare (and the generator adds and drops entries one by one, never setting the list whole).
    SELECT 'publication', quote_ident(pub.pubname), NULL, NULL,
           format('all tables %s, publish %s, tables: %s, tables in schemas: %s', pub.puballtables, ops.list,
                  coalesce(tabs.list, 'none'), coalesce(array_to_string(nsps.arr, ', '), 'none')),
           json_build_object('all_tables', pub.puballtables, 'publish', ops.list, 'tables', to_json(tabs.arr),
                              'schemas', to_json(nsps.arr)),
           'pg_catalog.pg_publication'::regclass, pub.oid, 0
    FROM pg_catalog.pg_publication pub
    CROSS JOIN LATERAL (SELECT concat_ws(', ', CASE WHEN pub.pubinsert THEN 'insert' END,
                                         CASE WHEN pub.pubupdate THEN 'update' END,
                                         CASE WHEN pub.pubdelete THEN 'delete' END,
                                         CASE WHEN pub.pubtruncate THEN 'truncate' END) AS list) ops
    LEFT JOIN LATERAL (SELECT string_agg(q.name, ', ' ORDER BY q.name) AS list, array_agg(q.name ORDER BY q.name) AS arr
                       FROM (SELECT format('%I.%I', pn.nspname, pc.relname)
                                    || coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                                         FROM pg_catalog.pg_attribute a
                                                         WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs)) || ')', '')
                                    || coalesce(' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')', '') AS name
                             FROM pg_catalog.pg_publication_rel pr
                             JOIN pg_catalog.pg_class pc ON pc.oid = pr.prrelid
                             JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                             JOIN schemas ON schemas.oid = pn.oid
                             WHERE pr.prpubid = pub.oid) q) tabs ON true
    LEFT JOIN LATERAL (SELECT array_agg(quote_ident(n.nspname) ORDER BY n.nspname) AS arr
                       FROM pg_catalog.pg_publication_namespace pns
                       JOIN pg_catalog.pg_namespace n ON n.oid = pns.pnnspid
                       JOIN schemas ON schemas.oid = n.oid
                       WHERE pns.pnpubid = pub.oid) nsps ON true
),
-- A part that is not asked for is not run: the filter is constant, folded when the query is planned.
objects AS (
    SELECT * FROM column_objects WHERE $5 <> 2
    UNION ALL
    SELECT * FROM other_objects WHERE $5 <> 1
),
-- Comments, keyed by the object they describe (pg_description holds the system's own too).
described AS (
    SELECT o.kind, o.name, o.schema, d.description, NULL::text AS relation, NULL::text AS reference
    FROM objects o
    JOIN (SELECT * FROM pg_catalog.pg_description
          -- The system's own comments (OIDs below FirstNormalObjectId) are most of them; public is
          -- the one schema of ours that initdb made.
          WHERE objoid >= 16384 OR classoid = 'pg_catalog.pg_namespace'::regclass) d
        ON d.classoid = o.classid AND d.objoid = o.objid AND d.objsubid = o.objsubid
    WHERE o.kind IN ('schema', 'table', 'view', 'sequence', 'column', 'function', 'type', 'index', 'constraint',
                     'policy', 'trigger', 'rule', 'statistics', 'event trigger', 'collation')
    UNION ALL
    -- What is no object of its own has its comment with what holds it ("relation", made again
    -- with it) and how COMMENT ON names it ("reference"): a (materialized) view's columns, ...
    SELECT 'column', o.name || '.' || quote_ident(a.attname), o.schema, d.description, 'view ' || o.name,
           'COLUMN ' || o.name || '.' || quote_ident(a.attname)
    FROM objects o
    JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = o.objid AND d.objsubid > 0
    JOIN pg_catalog.pg_attribute a ON a.attrelid = o.objid AND a.attnum = d.objsubid
    WHERE o.kind = 'view'
    UNION ALL
    -- ... and the index of a primary key, unique or exclusion constraint.
    SELECT 'index', format('%I.%I', n.nspname, ic.relname), o.schema, d.description, 'constraint ' || o.name,
           'INDEX ' || format('%I.%I', n.nspname, ic.relname)
    FROM objects o
    JOIN pg_catalog.pg_constraint con ON con.oid = o.objid AND con.contype IN ('p', 'u', 'x')
    JOIN pg_catalog.pg_class ic ON ic.oid = con.conindid
    JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
    JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = ic.oid AND d.objsubid = 0
    WHERE o.kind = 'constraint'
)
SELECT rows.*
FROM (SELECT o.kind, o.name, o.schema, o.parent, o.definition, o.attrs::text AS attrs,
             o.classid, o.objid, o.objsubid
      FROM objects o
      UNION ALL
      SELECT 'comment', ds.kind || ' ' || ds.name, ds.schema, NULL, ds.description,
             json_build_object('on_kind', ds.kind, 'object', ds.name, 'text', ds.description, 'relation', ds.relation,
                               'reference', ds.reference)::text,
             NULL, NULL, NULL
      FROM described ds) rows
;  -- not sorted here: the caller sorts (a tenth of the time this query took on 1,000 tables)
