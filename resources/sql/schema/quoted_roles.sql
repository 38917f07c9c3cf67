-- The roles whose names quote_ident() quotes (capitals, spaces, keywords such as "user"), with
-- their quoted names: an ACL's text quotes a name only for its characters, and a grant generated
-- for a role named user must say "user". Few rows, if any.
SELECT r.rolname, quote_ident(r.rolname)
FROM pg_catalog.pg_roles r
WHERE quote_ident(r.rolname) <> r.rolname;
