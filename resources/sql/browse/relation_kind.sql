-- Relation $1 (schema-qualified, quoted): its pg_class.relkind; no row when there is none.
SELECT relkind FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass($1);
