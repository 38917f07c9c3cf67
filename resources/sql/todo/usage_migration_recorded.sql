-- Whether 20250918 (the usage tables) is recorded: how many history rows record it (NULL when
-- there is no history table: the count then runs through query_to_xml, so that the table is
-- looked up only when it exists), and whether its four tables exist (applied by hand, in the
-- dashboard's SQL editor, leaves them without a history row).
SELECT CASE WHEN to_regclass('supabase_migrations.schema_migrations') IS NULL THEN NULL
            ELSE (xpath('/row/n/text()', query_to_xml(
                      'SELECT count(*) AS n FROM supabase_migrations.schema_migrations WHERE version = ''20250918''',
                      false, true, '')))[1]::text::bigint END,
       to_regclass('public.daily_usage') IS NOT NULL AND to_regclass('public.usage_logs') IS NOT NULL
       AND to_regclass('public.error_logs') IS NOT NULL AND to_regclass('public.response_cache') IS NOT NULL;
