-- Every row of the Supabase CLI's history: version, name, the transaction that wrote it, and a
-- digest of its statements (md5 of them joined by U+001F), except for the rows written by one of
-- the transactions in $1 (text[] of xmin values: this console's applies), whose statements the
-- audit describes already: hashing a thousand rows costs more than the rest of a status.
SELECT version, name, xmin::text,
       CASE WHEN xmin::text = ANY ($1::text[]) THEN NULL ELSE md5(array_to_string(statements, chr(31))) END
FROM supabase_migrations.schema_migrations;
