-- Clients subscribe to their todos through Realtime: the table joins the publication, with its
-- old rows in full so that deletes reach the subscribers with the user_id RLS needs.
alter table public.todos replica identity full;

do $$
begin
  if not exists (
    select 1 from pg_publication_tables
    where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'todos'
  ) then
    alter publication supabase_realtime add table public.todos;
  end if;
end
$$;
