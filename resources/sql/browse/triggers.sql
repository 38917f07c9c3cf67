-- The triggers of relation $1 (not the server's internal ones), as CREATE TRIGGER statements.
SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname;
