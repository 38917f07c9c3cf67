#include "core/lint/LintCatalogue.h"

// The rules about what the API exposes (the security lints of Supabase's database advisors that
// can be told from SQL alone), about data changes, and about how a migration file is run.
QList<LintRule> securityDataAndScriptRules()
{
    const auto A = QStringLiteral("Supabase advisors");
    const auto O = QStringLiteral("Atlas");
    const auto W = LintSeverity::Warning;
    const auto E = LintSeverity::Error;
    const auto I = LintSeverity::Info;
    return {
        {"rls-disabled-in-public", E, "security", A,
         "a table created in a schema the API exposes (public) without ENABLE ROW LEVEL SECURITY in the same migration",
         "Supabase's API serves every table of an exposed schema to anyone holding the project's anon key: without row "
         "level security, all its rows can be read and written from a browser.",
         "ALTER TABLE ... ENABLE ROW LEVEL SECURITY in the same migration, with the policies the app needs.",
         "CREATE TABLE notes (id bigint PRIMARY KEY, body text);",
         "CREATE TABLE notes (id bigint PRIMARY KEY, body text);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n"
         "CREATE POLICY notes_read ON notes FOR SELECT TO authenticated USING (true);",
         false},
        {"rls-enabled-no-policy", I, "security", A,
         "row level security enabled on a table this migration creates, with no policy for it",
         "With RLS on and no policy, the API roles see no rows and can write none: usually a forgotten policy, found when "
         "the app shows nothing.",
         "Create the policies the app needs in the same migration (or say, with an ignore, that only service_role uses it).",
         "CREATE TABLE notes (id bigint PRIMARY KEY);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;",
         "CREATE TABLE notes (id bigint PRIMARY KEY);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n"
         "CREATE POLICY notes_read ON notes FOR SELECT TO authenticated USING (true);",
         false},
        {"policy-exists-rls-disabled", E, "security", A,
         "a policy created on a table whose row level security this migration does not enable (or disables)",
         "Policies do nothing until row level security is enabled on the table: the rows they were written to protect are "
         "open to every API role.",
         "ALTER TABLE ... ENABLE ROW LEVEL SECURITY.",
         "CREATE TABLE notes (id bigint PRIMARY KEY, user_id uuid);\nCREATE POLICY own_notes ON notes USING (user_id = auth.uid());",
         "CREATE TABLE notes (id bigint PRIMARY KEY, user_id uuid);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n"
         "CREATE POLICY own_notes ON notes USING (user_id = auth.uid());",
         false},
        {"function-search-path-mutable", W, "security", A,
         "CREATE FUNCTION without SET search_path (an error when the function is SECURITY DEFINER)",
         "A function without a fixed search_path resolves names through the caller's: a SECURITY DEFINER one can be made "
         "to run another user's object with its owner's rights.",
         "Add SET search_path = '' and qualify every name in the body (public.t, auth.uid()).",
         "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$;",
         "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$ "
         "BEGIN RETURN NEW; END $$;",
         false},
        {"security-definer-view", E, "security", A,
         "a view in a schema the API exposes without security_invoker",
         "A view runs with its owner's rights (postgres): it bypasses the row level security of the tables it reads, so "
         "the API serves their rows to anyone with the anon key.",
         "CREATE VIEW ... WITH (security_invoker = true), or keep the view out of exposed schemas.",
         "CREATE VIEW public.usage_totals AS SELECT user_id, sum(message_count) FROM daily_usage GROUP BY user_id;",
         "CREATE VIEW public.usage_totals WITH (security_invoker = true) AS SELECT user_id, sum(message_count) "
         "FROM daily_usage GROUP BY user_id;",
         false},
        {"anon-write-grant", W, "security", A,
         "INSERT, UPDATE, DELETE, TRUNCATE or ALL granted on a table to anon or PUBLIC",
         "anon is the role of the project's public API key, which every browser holds: a write grant lets anyone change the "
         "table, limited only by its row level security (and TRUNCATE not even by that).",
         "Grant writes to authenticated (with policies) or to service_role; give anon SELECT at most.",
         "GRANT INSERT, UPDATE ON public.feedback TO anon;",
         "GRANT INSERT ON public.feedback TO authenticated;",
         false},
        {"auth-users-exposed", E, "security", A,
         "a view or materialized view in an exposed schema that reads auth.users",
         "auth.users holds every user's e-mail, phone and metadata; a view over it in an exposed schema serves them through "
         "the API.",
         "Keep such views in a schema the API does not expose, or copy only the needed columns into a table of your own "
         "with row level security.",
         "CREATE VIEW public.user_emails AS SELECT id, email FROM auth.users;",
         "CREATE VIEW private.user_emails AS SELECT id, email FROM auth.users;",
         false},
        {"extension-in-public", W, "security", A,
         "CREATE EXTENSION without WITH SCHEMA, or into public",
         "An extension's functions and tables in public are exposed through the API and clutter its schema; Supabase keeps "
         "extensions in the extensions schema.",
         "CREATE EXTENSION ... WITH SCHEMA extensions.",
         "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
         "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;",
         false},
        {"materialized-view-in-api", W, "security", A,
         "a materialized view created in a schema the API exposes",
         "Materialized views have no row level security: the API serves all their rows to every role with SELECT on them.",
         "Create it in a schema the API does not expose, or revoke SELECT from anon and authenticated.",
         "CREATE MATERIALIZED VIEW public.usage_by_day AS SELECT usage_date, count(*) FROM daily_usage GROUP BY 1;",
         "CREATE MATERIALIZED VIEW private.usage_by_day AS SELECT usage_date, count(*) FROM daily_usage GROUP BY 1;",
         false},
        {"foreign-table-in-api", W, "security", A,
         "a foreign table created in a schema the API exposes",
         "Foreign tables have no row level security: the API serves the remote rows to every role with SELECT on them.",
         "Create it in a schema the API does not expose.",
         "CREATE FOREIGN TABLE public.remote_events (id bigint) SERVER warehouse;",
         "CREATE FOREIGN TABLE private.remote_events (id bigint) SERVER warehouse;",
         false},
        {"update-without-where", E, "data", O,
         "UPDATE without WHERE",
         "Every row of the table changes, under row locks held until the migration commits; usually a missing WHERE.",
         "Add the WHERE that says which rows; for a deliberate full backfill, batch it and say so with an ignore.",
         "UPDATE daily_usage SET message_count = 0;",
         "UPDATE daily_usage SET message_count = 0 WHERE message_count IS NULL;",
         true},
        {"delete-without-where", E, "data", O,
         "DELETE without WHERE",
         "Every row of the table is deleted; usually a missing WHERE.",
         "Add the WHERE that says which rows.",
         "DELETE FROM conversation_cache;",
         "DELETE FROM conversation_cache WHERE expires_at < now();",
         true},
        {"backfill-with-ddl", W, "data", O,
         "UPDATE or INSERT ... SELECT on a table that the same migration also alters",
         "The ALTER's ACCESS EXCLUSIVE lock is held until the migration commits, so the table is unavailable for the whole "
         "backfill too.",
         "Alter in one migration, backfill (in batches) in the next.",
         "ALTER TABLE daily_usage ADD COLUMN tier text;\nUPDATE daily_usage SET tier = 'free' WHERE tier IS NULL;",
         "ALTER TABLE daily_usage ADD COLUMN tier text;",
         true},
        {"ban-truncate", W, "data", O,
         "TRUNCATE",
         "Every row is gone, at once and under an ACCESS EXCLUSIVE lock; no WHERE can limit it.",
         "DELETE ... WHERE for the rows meant; TRUNCATE only tables that hold nothing worth keeping (and say so with an "
         "ignore).",
         "TRUNCATE conversation_cache;",
         "DELETE FROM conversation_cache WHERE expires_at < now();",
         false},
        {"ban-vacuum-full", E, "locks", O,
         "VACUUM FULL or CLUSTER",
         "Both rewrite the table under an ACCESS EXCLUSIVE lock; neither can run in a transaction.",
         "Plain VACUUM (by hand, not in a migration); pg_repack to rewrite without the long lock.",
         "VACUUM FULL daily_usage;",
         "ANALYZE daily_usage;",
         true},
        {"prefer-concurrent-refresh", I, "locks", O,
         "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
         "A plain refresh locks out the view's readers until it is done.",
         "REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view).",
         "REFRESH MATERIALIZED VIEW usage_by_day;",
         "REFRESH MATERIALIZED VIEW CONCURRENTLY usage_by_day;",
         false},
        {"ban-drop-schema", E, "locks", O,
         "DROP SCHEMA",
         "Every object in the schema goes with it (with CASCADE), or the statement fails on the first one (without).",
         "Drop the objects one by one, each on purpose.",
         "DROP SCHEMA reporting CASCADE;",
         "DROP VIEW IF EXISTS reporting.weekly_totals;",
         false},
        {"prefer-set-local", W, "script", O,
         "SET (not SET LOCAL) of a session setting, or set_config(..., false), in a migration",
         "The setting outlives the migration: on a pooled connection (Supabase's poolers) the next client gets it. The "
         "console puts its own limits back after such a statement and resets the session at the end; other tools do not.",
         "SET LOCAL (or set_config(name, value, true)): it ends with the transaction.",
         "SET search_path = app, public;",
         "SET LOCAL search_path = app, public;",
         false},
        {"non-transactional-without-marker", E, "script", O,
         "a statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM, ALTER TYPE ... ADD VALUE before "
         "PostgreSQL 12, ...) in a migration without the -- atlas:no-transaction marker",
         "The console runs an unmarked migration in one transaction, so the statement fails there; marked, the migration "
         "runs statement by statement and the console can resume it where it stopped.",
         "Move the statement to a migration of its own whose leading comment says -- atlas:no-transaction.",
         "CREATE TABLE notes (id bigint PRIMARY KEY);\nVACUUM notes;",
         "-- atlas:no-transaction\nVACUUM notes;",
         false},
        {"down-does-not-undo", W, "script", O,
         "a down file that leaves something its up file creates",
         "A rollback that leaves a table, function, type or policy behind makes the next apply of the migration fail on "
         "what exists.",
         "Drop in the down file, in reverse order, everything the up file creates.",
         "CREATE TABLE notes (id bigint PRIMARY KEY);\nCREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql "
         "SET search_path = '' AS 'SELECT count(*) FROM public.notes';\n-- down:\nDROP TABLE notes;",
         "CREATE TABLE notes (id bigint PRIMARY KEY);\nCREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql "
         "SET search_path = '' AS 'SELECT count(*) FROM public.notes';\n-- down:\nDROP FUNCTION note_count();\nDROP TABLE notes;",
         false},
        {"down-file-in-cli-folder", E, "script", O,
         "a <version>_<name>.down.sql file at the top level of a migrations folder",
         "The Supabase CLI reads every <digits>_<name>.sql of the folder as a migration: it runs the down file as the "
         "migration \"<name>.down\" right after the up file, undoing it.",
         "Keep down files in the down/ subfolder (down/<version>_<name>.sql), which the CLI does not read.",
         "-- file: 20250918000000_create_notes.down.sql\nDROP TABLE notes;",
         "-- file: down/20250918000000_create_notes.sql\nDROP TABLE notes;",
         false},
        {"unused-ignore", W, "script", O,
         "an atlas:ignore comment that silenced nothing, or names a rule the catalogue does not have",
         "An ignore left behind after the statement changed (or with a misspelt rule) hides nothing today and will hide "
         "the wrong thing tomorrow.",
         "Remove the ignore, or correct the rule's name.",
         "-- atlas:ignore ban-drop-table kept for history\nCREATE TABLE notes (id bigint PRIMARY KEY);",
         "-- atlas:ignore ban-drop-table the cache is rebuilt from conversations on demand\nDROP TABLE conversation_cache;",
         false},
    };
}
