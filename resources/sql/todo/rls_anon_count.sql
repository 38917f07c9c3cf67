-- As anon: the daily_usage rows it can see (none, or no grant at all).
SELECT count(*) FROM public.daily_usage;
