-- The Supabase shape of local databases (resources/localdb/supabase_shape.sql): roles with the
-- attributes, memberships and settings Supabase gives them; auth.uid()/auth.role() reading the
-- JWT claims the way PostgREST sets them; the extensions schema on the search path; auth, storage,
-- realtime and graphql_public as projects find them. Every RLS test builds on this.
\ir _helpers.psql

SELECT plan(49);

-- The other Supabase roles, as a project's migrations meet them ------------------------------
SELECT ok(coalesce((SELECT rolcanlogin AND NOT rolinherit FROM pg_roles WHERE rolname = 'authenticator'), false),
          'authenticator logs in and inherits nothing (it switches role)');
SELECT ok(coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = 'supabase_admin'), false), 'supabase_admin is the superuser');
SELECT ok(coalesce((SELECT rolcanlogin AND NOT rolinherit AND NOT rolcreaterole FROM pg_roles WHERE rolname = 'supabase_auth_admin'), false),
          'supabase_auth_admin: LOGIN NOINHERIT, no CREATEROLE since August 2026');
SELECT ok(coalesce((SELECT rolcanlogin AND rolcreaterole FROM pg_roles WHERE rolname = 'supabase_storage_admin'), false),
          'supabase_storage_admin: LOGIN CREATEROLE');
SELECT ok(coalesce((SELECT NOT rolcanlogin AND rolcreatedb AND rolreplication FROM pg_roles WHERE rolname = 'dashboard_user'), false),
          'dashboard_user: NOLOGIN CREATEDB REPLICATION');
SELECT ok(pg_has_role('postgres', 'service_role', 'MEMBER'), 'postgres is a member of the API roles');
SELECT ok(pg_has_role('supabase_storage_admin', 'authenticator', 'MEMBER'), 'supabase_storage_admin is a member of authenticator');
SELECT is((SELECT setconfig FROM pg_db_role_setting WHERE setrole = 'anon'::regrole AND setdatabase = 0),
          ARRAY['statement_timeout=3s'], 'anon''s statements time out after 3s');
SELECT is((SELECT setconfig FROM pg_db_role_setting WHERE setrole = 'postgres'::regrole AND setdatabase = 0),
          ARRAY['search_path="$user", public, extensions'], 'postgres'' search_path reaches the extensions schema');

-- extensions ---------------------------------------------------------------------------------
SELECT is((SELECT array_agg(extname::text ORDER BY extname) FROM pg_extension WHERE extnamespace = 'extensions'::regnamespace),
          ARRAY['pg_stat_statements', 'pgcrypto', 'uuid-ossp'], 'pgcrypto, uuid-ossp and pg_stat_statements live in extensions');
SELECT lives_ok($$SELECT gen_random_bytes(16), uuid_generate_v4()$$,
                'gen_random_bytes() and uuid_generate_v4() resolve through the search path, unqualified');
SELECT ok(has_schema_privilege('anon', 'extensions', 'USAGE'), 'anon may use the extensions schema');

-- auth -----------------------------------------------------------------------------------------
SELECT is((SELECT count(*)::int FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'users'), 35,
          'auth.users has GoTrue''s 35 columns');
SELECT is((SELECT is_generated FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'users'
           AND column_name = 'confirmed_at'), 'ALWAYS', 'auth.users.confirmed_at is generated');
SELECT ok((SELECT relrowsecurity FROM pg_class WHERE oid = 'auth.users'::regclass), 'RLS is on for auth.users');
SELECT is((SELECT relowner::regrole::text FROM pg_class WHERE oid = 'auth.users'::regclass), 'supabase_auth_admin',
          'auth.users belongs to supabase_auth_admin');
SELECT ok(to_regclass('auth.identities') IS NOT NULL AND to_regclass('auth.schema_migrations') IS NOT NULL,
          'auth.identities and auth.schema_migrations exist');
SELECT ok(NOT has_table_privilege('anon', 'auth.users', 'SELECT'), 'anon cannot read auth.users');

-- storage --------------------------------------------------------------------------------------
SELECT ok((SELECT relrowsecurity FROM pg_class WHERE oid = 'storage.objects'::regclass), 'RLS is on for storage.objects');
SELECT ok((SELECT relrowsecurity FROM pg_class WHERE oid = 'storage.buckets'::regclass), 'RLS is on for storage.buckets');
SELECT ok(to_regclass('storage.migrations') IS NOT NULL, 'storage.migrations exists');
SELECT is(storage.foldername('user-1/avatars/me.png'), ARRAY['user-1', 'avatars'], 'storage.foldername() of a path');
SELECT is(storage.filename('user-1/avatars/me.png'), 'me.png', 'storage.filename() of a path');
SELECT is(storage.extension('user-1/backup.tar.gz'), 'gz', 'storage.extension() of a path');
SELECT ok(has_table_privilege('authenticated', 'storage.objects', 'INSERT'), 'authenticated may write storage.objects (RLS decides)');
SELECT lives_ok($$INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true)$$,
                'a bucket is made the way projects make one');
INSERT INTO storage.objects (bucket_id, name) VALUES ('avatars', 'a/b.png');
SELECT is((SELECT path_tokens FROM storage.objects WHERE name = 'a/b.png'), ARRAY['a', 'b.png'],
          'storage.objects.path_tokens is generated from the name');

-- realtime, the publication, graphql_public -----------------------------------------------------
SELECT is((SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'realtime.messages'::regclass), 'r',
          'realtime.messages is partitioned by range');
SELECT lives_ok($$SELECT realtime.send('{"hello": "world"}', 'greeting', 'room:1')$$, 'realtime.send() broadcasts');
SELECT is((SELECT count(*)::int FROM realtime.messages WHERE topic = 'room:1' AND payload ? 'id'), 1,
          'the broadcast is a row of realtime.messages, its id in the payload');
SELECT ok(EXISTS (SELECT FROM pg_publication WHERE pubname = 'supabase_realtime' AND NOT puballtables),
          'the supabase_realtime publication exists, empty');
SELECT is(graphql_public.graphql() -> 'errors' -> 0 ->> 'message', 'pg_graphql extension is not enabled.',
          'graphql_public.graphql() says pg_graphql is not enabled');

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
