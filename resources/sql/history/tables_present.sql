-- Which history tables exist, and which of the columns that came later they have: the Supabase
-- CLI's table (old CLI versions made it without statements and name) and the console's audit
-- (older consoles made it without transaction_id).
SELECT to_regclass('supabase_migrations.schema_migrations') IS NOT NULL AS has_history,
       to_regclass('atlas_console.migration_audit') IS NOT NULL AS has_audit,
       EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass('supabase_migrations.schema_migrations')
               AND attname = 'statements' AND NOT attisdropped) AS has_statements,
       EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass('supabase_migrations.schema_migrations')
               AND attname = 'name' AND NOT attisdropped) AS has_name,
       EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass('atlas_console.migration_audit')
               AND attname = 'transaction_id' AND NOT attisdropped) AS has_transaction_id;
