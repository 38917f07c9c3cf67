-- What the objects of the schema model (schema/model.sql) use, for its dependsOn: pg_depend's rows
-- between objects made after initdb (the many on built-in types and functions skipped), and the
-- aliases by which pg_depend names some objects of the model. core/schema/DependencyLinks matches
-- them to the model's objects by catalog address (about 7 ms for 1,000 tables); joined to the
-- objects by name in the model's query, they took a fifth of its time on the server.
--
-- Row: link ('uses', or 'alias': the first address stands for the second), classid, objid,
-- objsubid, refclassid, refobjid, refobjsubid.
SELECT 'uses', d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid
FROM pg_catalog.pg_depend d
WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384
UNION ALL
-- A view by its rewrite rule (a table's rules are not in the model).
SELECT 'alias', 'pg_catalog.pg_rewrite'::regclass, rw.oid, 0, 'pg_catalog.pg_class'::regclass, rw.ev_class, 0
FROM pg_catalog.pg_rewrite rw
JOIN pg_catalog.pg_class c ON c.oid = rw.ev_class AND c.relkind IN ('v', 'm')
WHERE rw.oid >= 16384
UNION ALL
-- A column's default by its pg_attrdef row.
SELECT 'alias', 'pg_catalog.pg_attrdef'::regclass, ad.oid, 0, 'pg_catalog.pg_class'::regclass, ad.adrelid, ad.adnum
FROM pg_catalog.pg_attrdef ad
WHERE ad.oid >= 16384
UNION ALL
-- A relation by its row type (a function returning SETOF it uses it).
SELECT 'alias', 'pg_catalog.pg_type'::regclass, c.reltype, 0, 'pg_catalog.pg_class'::regclass, c.oid, 0
FROM pg_catalog.pg_class c
WHERE c.oid >= 16384 AND c.reltype <> 0 AND c.relkind IN ('r', 'p', 'f', 'v', 'm');
