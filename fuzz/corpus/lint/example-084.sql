DELETE FROM conversation_cache;
