-- Whether both history tables exist with every column the console writes; false also for an
-- audit table made by an older console (create_tables.sql adds what it lacks).
SELECT (SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('atlas_console.migration_audit')
        AND attname IN ('note', 'transaction_id', 'statements_digest') AND NOT attisdropped) = 3
   AND (SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('supabase_migrations.schema_migrations')
        AND attname IN ('version', 'name', 'statements') AND NOT attisdropped) = 3;
