-- The settings that matter to migrations, and the connections in use against the maximum.
SELECT name AS "Setting", current_setting(name) AS "Value", source AS "Set by", short_desc AS "What"
FROM pg_settings
WHERE name IN ('lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout', 'max_connections',
               'default_transaction_read_only', 'search_path', 'shared_buffers', 'work_mem', 'maintenance_work_mem',
               'wal_level', 'max_wal_size', 'TimeZone')
UNION ALL
SELECT 'connections in use', count(*)::text || ' of ' || current_setting('max_connections'), 'pg_stat_activity', 'client backends now'
FROM pg_stat_activity WHERE backend_type = 'client backend'
ORDER BY 1;
