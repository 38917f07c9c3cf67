-- Loaded by `supabase db reset` after the migrations; not a migration.
insert into public.todos (task, user_id) values ('Try the console', '00000000-0000-0000-0000-000000000000');
