-- Tables of the exposed schemas ($1) without a primary key: rows cannot be told apart (and logical
-- replication cannot update or delete them).
SELECT format('%I.%I', n.nspname, c.relname), 'no primary key',
       format('ALTER TABLE %I.%I ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;  -- or name the key it has', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = c.oid AND con.contype = 'p')
ORDER BY 1;
