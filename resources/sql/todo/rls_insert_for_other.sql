-- As the signed-in user: a daily_usage row for another user ($1); RLS must refuse it (42501).
INSERT INTO public.daily_usage (user_id, date) VALUES ($1, current_date - 1);
