-- From here on the transaction runs as the anon key would.
SELECT set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true);
