-- One daily_usage row for each of the users $1 and $2.
INSERT INTO public.daily_usage (user_id, date) VALUES ($1, current_date), ($2, current_date);
