DROP TABLE conversation_cache;
