-- Derived check: index $3 on table $1.$2 exists.
SELECT EXISTS (SELECT FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 AND indexname = $3);
