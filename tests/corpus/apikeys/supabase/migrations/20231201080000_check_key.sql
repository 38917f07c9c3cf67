create or replace function public.api_key_valid(presented text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.api_keys k
    where k.prefix = split_part(presented, '.', 1)
      and k.revoked_at is null
      and k.secret_hash = extensions.crypt(split_part(presented, '.', 2), k.secret_hash)
  );
$$;

grant execute on function public.api_key_valid(text) to anon, authenticated, service_role;
