-- For the open transaction only: run as role $1 with Supabase's JWT claims $2 (JSON), as the API
-- would for that role or signed-in user.
SELECT set_config('role', $1, true), set_config('request.jwt.claims', $2, true);
