-- Before reading the schema model (schema/model.sql), in its read-only transaction: an empty
-- search_path makes PostgreSQL qualify every name it renders (defaults, view bodies, policies,
-- function signatures), identically in the two databases being compared. Returns the role a
-- migration on this database would run as, quoted as SQL writes it.
SET LOCAL search_path = '';
SELECT quote_ident(current_user) AS role;
