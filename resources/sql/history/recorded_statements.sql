-- The recorded statements of the versions in $1 (text[]), as a JSON array each.
SELECT version, array_to_json(statements)::text
FROM supabase_migrations.schema_migrations
WHERE version = ANY ($1::text[]);
