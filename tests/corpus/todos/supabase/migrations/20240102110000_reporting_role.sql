-- A read-only role for the reporting tool; made only once, whatever the environment.
do $$
begin
  if not exists (select from pg_catalog.pg_roles where rolname = 'reporting') then
    create role reporting nologin;
  end if;
end
$$;

grant usage on schema public to reporting;
grant select on public.todos to reporting;
grant usage on type public.task_status to reporting;

alter type public.task_status add value if not exists 'archived' after 'done';

create or replace view public.todo_counts with (security_invoker = true) as
  select user_id, status, count(*) as todos from public.todos group by user_id, status;
grant select on public.todo_counts to authenticated, reporting;
