-- The indexes of relation $1, as CREATE INDEX statements.
SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = $1::regclass ORDER BY indexrelid::regclass::text;
