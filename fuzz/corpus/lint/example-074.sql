CREATE VIEW public.user_emails AS SELECT id, email FROM auth.users;
