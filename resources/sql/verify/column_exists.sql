-- Derived check: column $3 of table $1.$2 exists.
SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3);
