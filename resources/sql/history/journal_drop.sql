-- The journal row $1, replaced by the attempt's final audit row (in the same transaction).
DELETE FROM atlas_console.migration_audit WHERE id = $1;
