-- Kept for local experiments; the Supabase CLI skips this file (its name does not start with digits).
insert into public.no_such_table values (1);
