-- atlas:ignore ban-drop-table the cache is rebuilt from conversations on demand
DROP TABLE conversation_cache;
