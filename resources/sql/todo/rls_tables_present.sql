-- Whether the live RLS test can run: the two usage tables and auth.uid() exist.
SELECT to_regclass('public.daily_usage') IS NOT NULL AND to_regclass('public.usage_logs') IS NOT NULL
       AND to_regprocedure('auth.uid()') IS NOT NULL;
