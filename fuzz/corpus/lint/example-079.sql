CREATE MATERIALIZED VIEW private.usage_by_day AS SELECT usage_date, count(*) FROM daily_usage GROUP BY 1;
