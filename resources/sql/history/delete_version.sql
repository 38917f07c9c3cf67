-- Version $1 no longer applied; the row's name comes back (no row when it was not recorded).
DELETE FROM supabase_migrations.schema_migrations WHERE version = $1 RETURNING coalesce(name, '');
