-- The names of the types of a result's columns ($1: their oids as an array literal), as
-- format_type gives them, for showing values exactly.
SELECT t.oid::text, format_type(t.oid, NULL) FROM pg_type t WHERE t.oid = ANY ($1::oid[]);
