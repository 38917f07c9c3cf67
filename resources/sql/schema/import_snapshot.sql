-- On the second connection of a schema read, first thing in its read-only transaction: the
-- snapshot schema/export_snapshot.sql exported, and the settings of schema/read_settings.sql.
-- :snapshot is the quoted snapshot id (psql: \set snapshot '''00000003-0000001B-1''').
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
SET TRANSACTION SNAPSHOT :snapshot;
SET LOCAL search_path = '';
