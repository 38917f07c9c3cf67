-- What `supabase migration repair --status applied` writes: the row ($1 version, $2 name,
-- $3 statements), inserted or replaced.
INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3)
ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, statements = EXCLUDED.statements;
