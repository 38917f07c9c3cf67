-- Before reading the schema model (schema/quoted_roles.sql, model.sql, links.sql), in its read-only
-- transaction: one snapshot for all of them, so that what one reads matches what the others read
-- however the schema changes meanwhile; an empty search_path makes PostgreSQL qualify every name
-- it renders (defaults, view bodies, policies, function signatures), identically in the two
-- databases being compared. Returns the role a migration on this database would run as, quoted as
-- SQL writes it.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
SET LOCAL search_path = '';
SELECT quote_ident(current_user) AS role;
