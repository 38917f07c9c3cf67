TRUNCATE conversation_cache CASCADE;
