-- The API roles: anonymous visitors read, signed-in users write their own row (RLS decides which).
revoke all on table public.profiles from anon, authenticated;
grant select on table public.profiles to anon;
grant select, insert, update on table public.profiles to authenticated;
grant all on table public.profiles to service_role;
grant execute on function public.handle_new_user() to supabase_auth_admin;
revoke execute on function public.handle_new_user() from anon, authenticated;

comment on table public.profiles is 'One row per auth.users row; see handle_new_user()';
