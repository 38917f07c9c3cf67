-- Derived check: policy $3 on table $1.$2 exists.
SELECT EXISTS (SELECT FROM pg_policies WHERE schemaname = $1 AND tablename = $2 AND policyname = $3);
