-- How many history rows record 20250918 (the usage tables); NULL when there is no history table.
SELECT CASE WHEN to_regclass('supabase_migrations.schema_migrations') IS NULL THEN NULL
            ELSE (SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '20250918') END;
