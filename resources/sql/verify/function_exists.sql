-- Derived check: a function named $3 exists in schema $1 (any arguments; $2 is NULL).
SELECT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = $1 AND $2::text IS NULL AND p.proname = $3);
