-- Derived check: row level security is enabled on table $1.$2 ($3 is NULL); false when the table
-- is not there.
SELECT coalesce((SELECT c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = $1 AND c.relname = $2 AND $3::text IS NULL), false);
