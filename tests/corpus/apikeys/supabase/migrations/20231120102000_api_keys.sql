create table public.organizations (
  id uuid primary key default uuid_generate_v4(),
  name citext not null unique,
  created_at timestamptz not null default now()
);

create index organizations_name_trgm on public.organizations using gin (name gin_trgm_ops);

create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  prefix text not null default encode(gen_random_bytes(4), 'hex'),
  secret_hash text not null,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  revoked_at timestamptz
);

alter table public.api_keys enable row level security;

-- Returns the new key once; only its bcrypt hash is kept.
create or replace function public.create_api_key(org uuid)
returns text
language plpgsql
security definer
set search_path = public, extensions
as $function$
declare
  secret text := encode(gen_random_bytes(24), 'base64');
  key_prefix text;
begin
  insert into api_keys (organization_id, secret_hash)
  values (org, crypt(secret, gen_salt('bf', 8)))
  returning prefix into key_prefix;
  return key_prefix || '.' || secret;
end;
$function$;

revoke execute on function public.create_api_key(uuid) from public, anon;
grant execute on function public.create_api_key(uuid) to authenticated;
