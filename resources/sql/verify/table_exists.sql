-- Derived check: table (or view) $2 exists in schema $1. ($3 unused: every check takes schema,
-- table, object.)
SELECT EXISTS (SELECT FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2 AND $3::text IS NOT NULL);
