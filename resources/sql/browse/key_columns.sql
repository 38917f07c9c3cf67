-- The key the browser pages by, for relation $1: the primary key, else the first unique index
-- without predicate or expression whose columns are all NOT NULL (a JSON array of names; no row
-- when there is none, and the browser uses the physical row id).
SELECT array_to_json(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                           ORDER BY k.n))::text
FROM pg_index i
WHERE i.indrelid = $1::regclass AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
  AND NOT EXISTS (SELECT FROM unnest(i.indkey) k(attnum)
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                  WHERE NOT a.attnotnull)
  AND 0 <> ALL (i.indkey)
ORDER BY i.indisprimary DESC, i.indnatts
LIMIT 1;
