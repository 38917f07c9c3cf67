#pragma once

#include "core/status/MigrationStatus.h"
#include "db/pg/PgResult.h"

class PgConnection;

// Reads the two history tables: supabase_migrations.schema_migrations, as the Supabase CLI or
// this console wrote it, and atlas_console.migration_audit, the console's record of every
// attempt. Every read works on a read-only connection and on a database that has neither table,
// and on tables made by older CLI or console versions.
namespace HistoryReader {

// What a status needs, in three round trips whatever the number of migrations: which tables
// exist, the audit facts per version, and the CLI's rows (for each, a digest of its statements,
// except for the rows this console's last apply wrote, recognised by the writing transaction,
// whose statements the audit describes already). A fourth only in the unlikely case that a row's
// transaction id matches another version's apply.
HistorySnapshot read(PgConnection &connection);

// The recorded statements of the given versions, in one round trip.
PgResult readStatements(PgConnection &connection, const QStringList &versions, QHash<QString, QStringList> *statements);
// Whether `version` is recorded in the CLI's table (which must exist).
PgResult isRecorded(PgConnection &connection, const QString &version, bool *recorded);
// The newest up, down or repair of `version` in the audit table (which must exist); nullopt when
// there is none.
PgResult lastAttempt(PgConnection &connection, const QString &version, std::optional<AuditRow> *attempt);
// Every attempt of `version`, newest first (at most 200); none when there is no audit table.
PgResult attemptsOf(PgConnection &connection, const QString &version, QList<AuditRow> *attempts);
// Whether both tables exist with every column the console writes (one round trip).
PgResult tablesReady(PgConnection &connection, bool *ready);

}  // namespace HistoryReader
