CREATE VIEW private.user_emails AS SELECT id, email FROM auth.users;
