/* Double-entry ledger. Statements here end in ';' inside strings, comments and bodies;
   the Supabase CLI's splitter and PostgreSQL's parser must agree on where each one ends. */
create table public.atomic_counters (
  name text primary key,      -- "atomic" inside an identifier is not BEGIN ATOMIC
  is_atomic boolean not null default true,
  value bigint not null default 0
);

create table public.entries (
  id bigint generated always as identity primary key,
  account text not null,
  amount numeric(12, 2) not null check (amount <> 0),
  memo text default E'opening balance; carried over',
  created_at timestamptz not null default now()
);

-- An SQL-standard body: its statements end in ';' and the body ends at END.
create function public.balance(acct text) returns numeric
language sql stable
begin atomic
  select coalesce(sum(amount), 0) from public.entries where account = acct;
end;

create function public.bump(counter text) returns bigint
language sql
begin atomic
  insert into public.atomic_counters (name, value) values (counter, 1)
    on conflict (name) do update set value = public.atomic_counters.value + 1;
  select value from public.atomic_counters where name = counter;
end;

create view public.account_signs as
  select account,
         case when sum(amount) >= 0 then 'credit' else 'debit' end as side
  from public.entries
  group by account;

create function public.entries_guard() returns trigger
language plpgsql as $_$
begin
  if new.amount = 0 then
    raise exception 'amount must not be 0; got % for %', new.amount, new.account;
  end if;
  -- a nested tag: $$ inside this body is text
  perform set_config('ledger.last_memo', coalesce(new.memo, $$none; really$$), true);
  return new;
end;
$_$;

create trigger entries_guard before insert or update on public.entries
  for each row execute function public.entries_guard();

comment on function public.balance(text) is 'Sum of an account''s entries; 0 when it has none';
