-- The Supabase compatibility layer of local databases (resources/sql/supabase_compat.sql):
-- API roles with the attributes Supabase gives them, and auth.uid()/auth.role() reading the JWT
-- claims the way PostgREST sets them. Every RLS test builds on this, so it is tested first.
\ir _helpers.psql

SELECT plan(17);

-- Roles ----------------------------------------------------------------------------------------
SELECT ok(coalesce((SELECT NOT rolcanlogin FROM pg_roles WHERE rolname = 'anon'), false),
          'anon exists and is NOLOGIN');
SELECT ok(coalesce((SELECT NOT rolcanlogin FROM pg_roles WHERE rolname = 'authenticated'), false),
          'authenticated exists and is NOLOGIN');
SELECT ok(coalesce((SELECT rolbypassrls FROM pg_roles WHERE rolname = 'service_role'), false),
          'service_role exists and has BYPASSRLS');
SELECT ok(coalesce((SELECT NOT rolbypassrls AND NOT rolsuper FROM pg_roles WHERE rolname = 'anon'), false),
          'anon is subject to RLS');
SELECT ok(coalesce((SELECT NOT rolbypassrls AND NOT rolsuper FROM pg_roles WHERE rolname = 'authenticated'), false),
          'authenticated is subject to RLS');
SELECT ok(pg_has_role('authenticator', 'authenticated', 'MEMBER'),
          'authenticator may switch to authenticated (as PostgREST does)');

-- Claims as PostgREST sets them: role and request.jwt.claims, local to the transaction --------
\o /dev/null
BEGIN;
SELECT set_config('role', 'authenticated', true),
       set_config('request.jwt.claims',
                  '{"sub": "0f3e4a6c-1b2d-4c5e-8f90-a1b2c3d4e5f6", "role": "authenticated", "email": "maya.patel@example.com"}',
                  true);
SELECT auth.uid() AS seen_uid, auth.role() AS seen_role, auth.email() AS seen_email,
       auth.jwt() ->> 'sub' AS seen_jwt_sub, current_user AS seen_user
\gset
COMMIT;
\o

SELECT is(:'seen_uid'::text, '0f3e4a6c-1b2d-4c5e-8f90-a1b2c3d4e5f6',
          'auth.uid() returns the sub of request.jwt.claims');
SELECT is(:'seen_role'::text, 'authenticated', 'auth.role() returns the role claim');
SELECT is(:'seen_email'::text, 'maya.patel@example.com', 'auth.email() returns the email claim');
SELECT is(:'seen_jwt_sub'::text, '0f3e4a6c-1b2d-4c5e-8f90-a1b2c3d4e5f6', 'auth.jwt() returns the claims');
SELECT is(:'seen_user'::text, 'authenticated', 'set_config(''role'', ...) makes current_user authenticated');
SELECT is(current_user::text, 'postgres', 'the role switch ended with the transaction');

-- The older per-claim setting (request.jwt.claim.sub) ---------------------------------------
\o /dev/null
BEGIN;
SELECT set_config('role', 'authenticated', true),
       set_config('request.jwt.claim.sub', '7c9e6679-7425-40de-944b-e07fc1f90ae7', true);
SELECT auth.uid() AS old_style_uid \gset
COMMIT;
\o
SELECT is(:'old_style_uid'::text, '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          'auth.uid() also reads request.jwt.claim.sub');

-- Without claims there is no user ----------------------------------------------------------------
SELECT is(auth.uid(), NULL::uuid, 'auth.uid() is NULL without claims');
SELECT is(auth.role(), NULL::text, 'auth.role() is NULL without claims');

-- The test helper that the RLS tests use does the same and restores the session afterwards ---
SELECT is(pg_temp.scalar_as('authenticated', '0f3e4a6c-1b2d-4c5e-8f90-a1b2c3d4e5f6',
                            'SELECT current_user || '' '' || auth.uid()'),
          'authenticated 0f3e4a6c-1b2d-4c5e-8f90-a1b2c3d4e5f6',
          'pg_temp.scalar_as() runs as the role with the claims');
SELECT is(current_user::text || ' ' || coalesce(auth.uid()::text, 'no user'), 'postgres no user',
          'pg_temp.scalar_as() restores role and claims');

SELECT * FROM finish(true);
