-- The live RLS test's limits, for its (rolled back) transaction only.
SELECT set_config('lock_timeout', '2s', true), set_config('statement_timeout', '20s', true);
