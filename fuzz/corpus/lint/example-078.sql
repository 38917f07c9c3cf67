CREATE MATERIALIZED VIEW public.usage_by_day AS SELECT usage_date, count(*) FROM daily_usage GROUP BY 1;
