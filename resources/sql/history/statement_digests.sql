-- The digest of the recorded statements of the versions in $1 (text[]).
SELECT version, md5(array_to_string(statements, chr(31)))
FROM supabase_migrations.schema_migrations
WHERE version = ANY ($1::text[]);
