DELETE FROM conversation_cache WHERE expires_at < now();
