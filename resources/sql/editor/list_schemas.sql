-- \dn: schemas matching $2 (a POSIX regular expression, '' for any); system ones when $4 is 't'.
-- ($1 and $3 are not used: every meta-command gets the same four parameters.)
SELECT n.nspname AS "Name", pg_get_userbyid(n.nspowner) AS "Owner",
       coalesce(array_to_string(n.nspacl, E'\n'), '') AS "Access privileges",
       coalesce(obj_description(n.oid, 'pg_namespace'), '') AS "Description"
FROM pg_namespace n
WHERE ($2 = '' OR n.nspname ~ $2) AND ($1 = $1) AND ($3 = $3)
  AND ($4 = 't' OR (n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'))
ORDER BY 1;
