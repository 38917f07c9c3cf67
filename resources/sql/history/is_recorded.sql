-- Whether version $1 is recorded as applied.
SELECT EXISTS (SELECT FROM supabase_migrations.schema_migrations WHERE version = $1);
