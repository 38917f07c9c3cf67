-- A shadow database for schema compare: a migrations folder is built into it, its schema read,
-- and it is dropped. Cloned from template1, which scripts/localdb made Supabase-shaped (roles,
-- auth, storage, extensions, default privileges), so that a project's migrations meet what they
-- expect. :database is the quoted name (atlas_shadow_<pid>_<n>; psql: \set database atlas_shadow_1_0).
CREATE DATABASE :database TEMPLATE template1;
