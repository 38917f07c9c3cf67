-- Both history tables, created when missing; run in a transaction of its own, before the
-- migration's. First the Supabase CLI's own statements, in its order, so that both tools create
-- the same table (under the CLI's lock_timeout).
SET LOCAL lock_timeout = '4s';
CREATE SCHEMA IF NOT EXISTS supabase_migrations;
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;
-- The console's audit lives in its own schema, which Supabase's API does not expose.
CREATE SCHEMA IF NOT EXISTS atlas_console;
REVOKE ALL ON SCHEMA atlas_console FROM PUBLIC;
CREATE TABLE IF NOT EXISTS atlas_console.migration_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version text NOT NULL,
    name text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('up', 'down', 'verify', 'repair')),
    outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'cancelled')),
    checksum text,
    actor text NOT NULL,
    database_user text NOT NULL DEFAULT current_user,
    application text DEFAULT current_setting('application_name'),
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    duration_ms bigint NOT NULL,
    statements_run integer NOT NULL DEFAULT 0,
    failed_statement integer,
    error text);
CREATE INDEX IF NOT EXISTS migration_audit_version_idx ON atlas_console.migration_audit (version, id DESC);
-- Added after the first release: why a repair was made; the transaction that wrote the row (for a
-- successful apply, the one that wrote the history row) and the digest of the statements it
-- recorded, so that a status recognises its own rows without hashing them. Older rows keep NULL:
-- the default is set after the column is added.
ALTER TABLE atlas_console.migration_audit ADD COLUMN IF NOT EXISTS note text,
    ADD COLUMN IF NOT EXISTS transaction_id xid8, ADD COLUMN IF NOT EXISTS statements_digest text;
ALTER TABLE atlas_console.migration_audit ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id();
