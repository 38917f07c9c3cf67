-- The policies of table $1.$2, one line each: "name (command, permissive, to roles) USING ... WITH CHECK ...".
SELECT policyname || ' (' || cmd || ', ' || permissive || ', to ' || array_to_string(roles, ', ') || ')'
       || coalesce(' USING ' || qual, '') || coalesce(' WITH CHECK ' || with_check, '')
FROM pg_policies WHERE schemaname = $1 AND tablename = $2 ORDER BY policyname;
