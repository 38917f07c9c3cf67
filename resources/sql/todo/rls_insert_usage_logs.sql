-- One usage_logs row for each of the users $1 and $2.
INSERT INTO public.usage_logs (user_id, event_type) VALUES ($1, 'rls-check'), ($2, 'rls-check');
