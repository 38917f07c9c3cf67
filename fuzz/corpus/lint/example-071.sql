CREATE VIEW public.usage_totals WITH (security_invoker = true) AS SELECT user_id, sum(message_count) FROM daily_usage GROUP BY user_id;
