-- From here on the transaction runs as signed-in user $1 would through Supabase's API.
SELECT set_config('role', 'authenticated', true),
       set_config('request.jwt.claims', json_build_object('sub', $1::text, 'role', 'authenticated')::text, true);
