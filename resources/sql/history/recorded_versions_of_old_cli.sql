-- recorded_versions.sql for a table made by an old Supabase CLI, without the name or the
-- statements column (read through to_jsonb, so a missing column reads as NULL): the digest of
-- every row that has statements.
SELECT version, to_jsonb(m) ->> 'name', xmin::text,
       CASE WHEN jsonb_typeof(to_jsonb(m) -> 'statements') = 'array' THEN
           (SELECT md5(coalesce(string_agg(s, chr(31) ORDER BY n), ''))
            FROM jsonb_array_elements_text(to_jsonb(m) -> 'statements') WITH ORDINALITY AS t(s, n))
       END
FROM supabase_migrations.schema_migrations AS m;
