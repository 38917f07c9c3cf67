#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/status/AuditRow.h"
#include "db/pg/PgResult.h"

class PgConnection;

// Writes the two history tables: the CLI's exactly as the Supabase CLI writes it, and the
// console's audit. Each call is one statement; the caller holds the transaction.
namespace HistoryWriter {

// Creates both tables if missing (the CLI's DDL for its table, under its lock_timeout of 4s).
// Call inside a transaction of its own, before the migration's.
PgResult createTables(PgConnection &connection);

// The CLI's INSERT: (version, name, statements) with the file's statements split as it splits them.
PgResult recordApplied(PgConnection &connection, const MigrationFile &migration);
// What `supabase migration repair --status applied` writes: the row, inserted or replaced.
PgResult recordRepairedApplied(PgConnection &connection, const MigrationFile &migration);
// Deletes the row; the result has the name it had (one row), or no row.
PgResult recordReverted(PgConnection &connection, const QString &version);
PgResult recordAttempt(PgConnection &connection, const AuditRow &attempt);

// The journal of a statement-by-statement apply: an audit row committed before its first statement
// ("failed", interrupted, at `fromStatement`), moved on after each committed statement, and
// deleted in the transaction that writes the final audit row. Left behind, it tells the status
// how far a run got when the connection or the process died. -1 when it cannot be written.
qint64 startJournal(PgConnection &connection, const MigrationFile &migration, const QString &actor,
                    const QDateTime &startedAt, int fromStatement);
void moveJournal(PgConnection &connection, qint64 id, int nextStatement);
void dropJournal(PgConnection &connection, qint64 id);

}  // namespace HistoryWriter
