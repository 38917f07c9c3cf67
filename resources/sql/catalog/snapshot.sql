-- Catalog snapshot: one row per schema object, (kind text, name text, definition text), ordered.
--
-- Used to prove that a down migration restores the catalog exactly, and by the console's dry
-- run: take a snapshot, apply, take another, compare. For that the output must be a function of
-- the catalog alone, so it contains no OIDs, sizes, statistics or sequence positions, and is
-- sorted by (kind, name, definition) in the "C" collation. Two snapshots of equal catalogs are
-- byte-identical.
--
-- One plain SELECT, no parameters, no side effects, so that any client can run it as is.
--
-- What is described: every schema except the system ones (pg_catalog, information_schema,
-- pg_toast*, pg_temp*), the bookkeeping schemas of tools (cron: pg_cron's jobs;
-- supabase_migrations: the Supabase CLI's history; atlas_console: this console's audit; all
-- change when migrations are merely recorded), and objects that belong to an extension (they
-- come and go with the extension, which is listed itself as kind 'extension').
--
-- Kinds: schema, extension, table, view, sequence, column, constraint, index, policy, function,
-- trigger, type, grant, default_acl, comment, publication.
--
-- Caveat: PostgreSQL renders expressions (defaults, checks, policies, view bodies) with names
-- qualified only when they are not visible on the search_path. Take the snapshots you compare
-- with the same search_path.
WITH
schemas AS (
    SELECT n.oid, n.nspname, n.nspowner, n.nspacl
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT LIKE 'pg\_%'
      AND n.nspname <> 'information_schema'
      AND n.nspname NOT IN ('cron', 'supabase_migrations', 'atlas_console')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_namespace'::regclass
                        AND d.objid = n.oid AND d.deptype = 'e')
),
relations AS (
    SELECT c.oid, c.relkind::text AS relkind, c.relowner, c.relacl,
           c.relpersistence::text AS relpersistence, c.relrowsecurity, c.relforcerowsecurity,
           c.relreplident::text AS relreplident, c.reloptions, c.relispartition, c.relpartbound,
           s.nspname, c.relname::text AS relname,
           format('%I.%I', s.nspname, c.relname) AS qualified
    FROM pg_catalog.pg_class c
    JOIN schemas s ON s.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::regclass
                        AND d.objid = c.oid AND d.deptype = 'e')
),
columns AS (
    SELECT r.oid AS relid, r.qualified, a.attnum, a.attname::text AS attname, a.attacl,
           row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum) AS position,
           format_type(a.atttypid, a.atttypmod) AS type_name,
           a.attnotnull, a.attidentity, a.attgenerated,
           pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
           CASE WHEN a.attcollation <> t.typcollation THEN
               (SELECT format('%I.%I', cn.nspname, co.collname)
                FROM pg_catalog.pg_collation co
                JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                WHERE co.oid = a.attcollation)
           END AS collation_name
    FROM relations r
    JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE r.relkind IN ('r', 'p', 'f', 'v', 'm')
),
functions AS (
    SELECT p.oid, p.prokind, p.proowner, p.proacl,
           format('%I.%I(%s)', s.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
               AS signature
    FROM pg_catalog.pg_proc p
    JOIN schemas s ON s.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_proc'::regclass
                        AND d.objid = p.oid AND d.deptype = 'e')
),
-- User-defined types, without the ones PostgreSQL makes implicitly: array types, the row type
-- of every table/view/sequence, and the multirange that comes with each range type.
types AS (
    SELECT t.oid, t.typtype::text AS typtype, t.typowner, t.typacl, t.typrelid, t.typbasetype, t.typtypmod,
           t.typnotnull, t.typdefault, t.typcollation,
           format('%I.%I', s.nspname, t.typname) AS qualified
    FROM pg_catalog.pg_type t
    JOIN schemas s ON s.oid = t.typnamespace
    WHERE t.typtype <> 'm'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid)
      AND (t.typrelid = 0
           OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_type'::regclass
                        AND d.objid = t.oid AND d.deptype = 'e')
),
-- Every ACL of the described objects, with NULL (= built-in default) spelled out, so that an
-- explicit grant equal to the default compares equal to no grant at all.
acls AS (
    SELECT 'schema ' || quote_ident(s.nspname) AS object,
           coalesce(s.nspacl, acldefault('n', s.nspowner)) AS acl
    FROM schemas s
    UNION ALL
    SELECT CASE r.relkind WHEN 'S' THEN 'sequence ' WHEN 'v' THEN 'view '
                WHEN 'm' THEN 'materialized view ' ELSE 'table ' END || r.qualified,
           coalesce(r.relacl, acldefault(CASE r.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", r.relowner))
    FROM relations r
    UNION ALL
    SELECT 'column ' || c.qualified || '.' || quote_ident(c.attname), c.attacl
    FROM columns c
    WHERE c.attacl IS NOT NULL
    UNION ALL
    SELECT CASE f.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END || f.signature,
           coalesce(f.proacl, acldefault('f', f.proowner))
    FROM functions f
    UNION ALL
    SELECT 'type ' || t.qualified, coalesce(t.typacl, acldefault('T', t.typowner))
    FROM types t
),
grants AS (
    SELECT a.object,
           CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END AS grantee,
           pg_get_userbyid(x.grantor)::text AS grantor,
           string_agg(x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END,
                      ', ' ORDER BY x.privilege_type) AS privileges
    FROM acls a
    CROSS JOIN LATERAL aclexplode(a.acl) AS x
    GROUP BY a.object, x.grantee, x.grantor
),
objects (kind, name, definition) AS (
    SELECT 'schema', quote_ident(s.nspname), 'owner ' || pg_get_userbyid(s.nspowner)
    FROM schemas s

    UNION ALL
    SELECT 'extension', quote_ident(e.extname),
           format('version %s, schema %s', e.extversion, quote_ident(n.nspname))
    FROM pg_catalog.pg_extension e
    JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace

    UNION ALL
    SELECT 'table', r.qualified,
           concat_ws(', ',
               'relkind ' || r.relkind,
               'persistence ' || r.relpersistence,
               'rowsecurity ' || r.relrowsecurity,
               'forcerowsecurity ' || r.relforcerowsecurity,
               'replica identity ' || r.relreplident,
               'owner ' || pg_get_userbyid(r.relowner),
               'options ' || array_to_string(r.reloptions, ' '),
               'partition key ' || CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
               'partition bound ' || CASE WHEN r.relispartition
                                          THEN pg_get_expr(r.relpartbound, r.oid) END,
               'inherits ' || (SELECT string_agg(format('%I.%I', pn.nspname, pc.relname), ' '
                                                 ORDER BY i.inhseqno)
                               FROM pg_catalog.pg_inherits i
                               JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                               JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                               WHERE i.inhrelid = r.oid))
    FROM relations r
    WHERE r.relkind IN ('r', 'p', 'f')

    UNION ALL
    SELECT 'view', r.qualified,
           concat_ws(', ',
               'relkind ' || r.relkind,
               'owner ' || pg_get_userbyid(r.relowner),
               'options ' || array_to_string(r.reloptions, ' '),
               'rowsecurity ' || r.relrowsecurity)
           || E'\n' || pg_get_viewdef(r.oid, true)
    FROM relations r
    WHERE r.relkind IN ('v', 'm')

    UNION ALL
    SELECT 'sequence', r.qualified,
           format('type %s, start %s, increment %s, min %s, max %s, cache %s, cycle %s, owner %s, owned by %s',
                  format_type(sq.seqtypid, NULL), sq.seqstart, sq.seqincrement, sq.seqmin,
                  sq.seqmax, sq.seqcache, sq.seqcycle, pg_get_userbyid(r.relowner),
                  coalesce((SELECT format('%I.%I.%I', tn.nspname, tc.relname, ta.attname)
                                   || CASE d.deptype WHEN 'i' THEN ' (identity)' ELSE '' END
                            FROM pg_catalog.pg_depend d
                            JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                            JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                            JOIN pg_catalog.pg_attribute ta
                                ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
                            WHERE d.classid = 'pg_catalog.pg_class'::regclass
                              AND d.objid = r.oid
                              AND d.refclassid = 'pg_catalog.pg_class'::regclass
                              AND d.deptype IN ('a', 'i')
                            LIMIT 1),
                           'none'))
    FROM relations r
    JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = r.oid

    UNION ALL
    SELECT 'column', c.qualified || '.' || quote_ident(c.attname),
           concat_ws(' ',
               '#' || c.position,
               c.type_name,
               'COLLATE ' || c.collation_name,
               CASE WHEN c.attnotnull THEN 'NOT NULL' END,
               CASE c.attidentity WHEN 'a' THEN 'GENERATED ALWAYS AS IDENTITY'
                                  WHEN 'd' THEN 'GENERATED BY DEFAULT AS IDENTITY' END,
               CASE WHEN c.attgenerated = 's' THEN 'GENERATED ALWAYS AS (' || c.default_expr || ') STORED'
                    ELSE 'DEFAULT ' || c.default_expr END)
    FROM columns c

    UNION ALL
    SELECT 'constraint',
           coalesce(r.qualified, t.qualified) || '.' || quote_ident(con.conname),
           pg_get_constraintdef(con.oid)
    FROM pg_catalog.pg_constraint con
    LEFT JOIN relations r ON r.oid = con.conrelid
    LEFT JOIN types t ON t.oid = con.contypid
    WHERE (con.conrelid <> 0 AND r.oid IS NOT NULL) OR (con.contypid <> 0 AND t.oid IS NOT NULL)

    UNION ALL
    SELECT 'index', format('%I.%I', r.nspname, ic.relname),
           pg_get_indexdef(i.indexrelid)
           || CASE WHEN NOT i.indisvalid THEN ' (INVALID)' ELSE '' END
           || CASE WHEN i.indisclustered THEN ' (CLUSTERED)' ELSE '' END
           || CASE WHEN i.indisreplident THEN ' (REPLICA IDENTITY)' ELSE '' END
    FROM relations r
    JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid

    UNION ALL
    SELECT 'policy', r.qualified || '.' || quote_ident(pol.polname),
           concat_ws(' ',
               CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
               'FOR ' || CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'
                                         WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
                                         ELSE 'ALL' END,
               'TO ' || (SELECT string_agg(CASE WHEN pr.role = 0 THEN 'PUBLIC'
                                                ELSE quote_ident(pg_get_userbyid(pr.role)) END,
                                           ', ' ORDER BY 1)
                         FROM unnest(pol.polroles) AS pr(role)),
               'USING (' || pg_get_expr(pol.polqual, pol.polrelid) || ')',
               'WITH CHECK (' || pg_get_expr(pol.polwithcheck, pol.polrelid) || ')')
    FROM relations r
    JOIN pg_catalog.pg_policy pol ON pol.polrelid = r.oid

    UNION ALL
    SELECT 'function', f.signature,
           CASE WHEN f.prokind = 'a'
                THEN 'AGGREGATE RETURNS ' || pg_get_function_result(f.oid)
                ELSE pg_get_functiondef(f.oid) END
           || E'\n-- owner ' || pg_get_userbyid(f.proowner)
    FROM functions f

    UNION ALL
    SELECT 'trigger', r.qualified || '.' || quote_ident(tg.tgname),
           pg_get_triggerdef(tg.oid)
           || CASE tg.tgenabled WHEN 'O' THEN '' WHEN 'D' THEN ' (DISABLED)'
                  WHEN 'R' THEN ' (ENABLE REPLICA)' WHEN 'A' THEN ' (ENABLE ALWAYS)' END
    FROM relations r
    JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal

    UNION ALL
    SELECT 'type', t.qualified,
           CASE t.typtype
               WHEN 'e' THEN 'ENUM (' || (SELECT string_agg(quote_literal(en.enumlabel), ', '
                                                            ORDER BY en.enumsortorder)
                                          FROM pg_catalog.pg_enum en WHERE en.enumtypid = t.oid) || ')'
               WHEN 'd' THEN concat_ws(' ', 'DOMAIN AS ' || format_type(t.typbasetype, t.typtypmod),
                                       CASE WHEN t.typnotnull THEN 'NOT NULL' END,
                                       'DEFAULT ' || t.typdefault)
               WHEN 'c' THEN 'COMPOSITE (' || (SELECT string_agg(quote_ident(a.attname) || ' '
                                                                 || format_type(a.atttypid, a.atttypmod),
                                                                 ', ' ORDER BY a.attnum)
                                               FROM pg_catalog.pg_attribute a
                                               WHERE a.attrelid = t.typrelid AND a.attnum > 0
                                                 AND NOT a.attisdropped) || ')'
               WHEN 'r' THEN 'RANGE OF ' || (SELECT format_type(rg.rngsubtype, NULL)
                                             FROM pg_catalog.pg_range rg WHERE rg.rngtypid = t.oid)
               ELSE 'TYPE (typtype ' || t.typtype || ')'
           END || ', owner ' || pg_get_userbyid(t.typowner)
    FROM types t

    UNION ALL
    SELECT 'grant', g.object || ' TO ' || g.grantee,
           g.privileges || ' (granted by ' || g.grantor || ')'
    FROM grants g

    UNION ALL
    SELECT 'default_acl',
           format('for role %s in %s on %s', pg_get_userbyid(da.defaclrole),
                  CASE WHEN da.defaclnamespace = 0 THEN 'all schemas'
                       ELSE 'schema ' || quote_ident(s.nspname) END,
                  CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                                        WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types'
                                        WHEN 'n' THEN 'schemas' END),
           (SELECT string_agg(x.grantee_name || ': ' || x.privileges, '; ' ORDER BY x.grantee_name)
            FROM (SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC'
                              ELSE pg_get_userbyid(e.grantee)::text END AS grantee_name,
                         string_agg(e.privilege_type
                                    || CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END,
                                    ', ' ORDER BY e.privilege_type) AS privileges
                  FROM aclexplode(da.defaclacl) AS e
                  GROUP BY e.grantee) x)
    FROM pg_catalog.pg_default_acl da
    LEFT JOIN schemas s ON s.oid = da.defaclnamespace
    WHERE da.defaclnamespace = 0 OR s.oid IS NOT NULL

    -- Comments, each joined from its object (pg_description also holds the system's own).
    UNION ALL
    SELECT 'comment', 'schema ' || quote_ident(s.nspname), d.description
    FROM schemas s
    JOIN pg_catalog.pg_description d
        ON d.objoid = s.oid AND d.classoid = 'pg_catalog.pg_namespace'::regclass AND d.objsubid = 0
    UNION ALL
    SELECT 'comment', 'relation ' || r.qualified, d.description
    FROM relations r
    JOIN pg_catalog.pg_description d
        ON d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
    UNION ALL
    SELECT 'comment', 'column ' || c.qualified || '.' || quote_ident(c.attname), d.description
    FROM columns c
    JOIN pg_catalog.pg_description d
        ON d.objoid = c.relid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = c.attnum
    UNION ALL
    SELECT 'comment', 'function ' || f.signature, d.description
    FROM functions f
    JOIN pg_catalog.pg_description d
        ON d.objoid = f.oid AND d.classoid = 'pg_catalog.pg_proc'::regclass AND d.objsubid = 0
    UNION ALL
    SELECT 'comment', 'type ' || t.qualified, d.description
    FROM types t
    JOIN pg_catalog.pg_description d
        ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::regclass AND d.objsubid = 0

    UNION ALL
    SELECT 'publication', quote_ident(pub.pubname),
           format('all tables %s, insert %s, update %s, delete %s, truncate %s, tables: %s',
                  pub.puballtables, pub.pubinsert, pub.pubupdate, pub.pubdelete, pub.pubtruncate,
                  coalesce((SELECT string_agg(format('%I.%I', pn.nspname, pc.relname), ' '
                                              ORDER BY pn.nspname, pc.relname)
                            FROM pg_catalog.pg_publication_rel pr
                            JOIN pg_catalog.pg_class pc ON pc.oid = pr.prrelid
                            JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                            WHERE pr.prpubid = pub.oid), 'none'))
    FROM pg_catalog.pg_publication pub
)
SELECT kind::text AS kind, name::text AS name, definition::text AS definition
FROM objects
ORDER BY kind COLLATE "C", name COLLATE "C", definition COLLATE "C";
