-- After the pull: a follow-up change written by hand, unqualified again (the search path is back).
alter table public.teams add column slug text generated always as (lower(regexp_replace(name, '\s+', '-', 'g'))) stored;
create unique index teams_slug_key on public.teams (slug);
