CREATE FOREIGN TABLE public.remote_events (id bigint) SERVER warehouse;
