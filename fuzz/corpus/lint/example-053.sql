CREATE VIEW usage_per_day WITH (security_invoker = true) AS SELECT * FROM daily_usage;
