-- The Supabase CLI's own INSERT: $1 version, $2 name, $3 the statements as the CLI splits them.
INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3);
