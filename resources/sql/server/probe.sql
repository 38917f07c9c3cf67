-- What the server is, in one round trip; read-only, so it works on a standby and behind a
-- transaction pooler.
SELECT current_setting('server_version') AS server_version,
       version() AS version_string,
       current_database() AS database,
       current_user AS "user",
       to_regprocedure('auth.uid()') IS NOT NULL AS has_auth,
       EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_admin') AS is_supabase,
       EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_cron') AS has_pg_cron,
       (current_setting('default_transaction_read_only') = 'on' OR pg_is_in_recovery()) AS read_only,
       to_regclass('supabase_migrations.schema_migrations') IS NOT NULL AS has_history;
