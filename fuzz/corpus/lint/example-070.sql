CREATE VIEW public.usage_totals AS SELECT user_id, sum(message_count) FROM daily_usage GROUP BY user_id;
