-- Derived check: a few rows of :relation (the quoted table) can be read. psql: \set relation public.daily_usage
SELECT count(*) FROM (SELECT 1 FROM :relation LIMIT 5) AS sample;
