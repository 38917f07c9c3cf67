#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/status/MigrationStatus.h"
#include "db/pg/PgResult.h"

#include <QDateTime>

class PgConnection;

// What one attempt writes to the console's audit table.
struct AuditRecord {
    QString version;
    QString name;
    QString direction;  // up, down, verify, repair
    QString outcome;    // succeeded, failed, cancelled
    QByteArray checksum;
    QString actor;
    QDateTime startedAt;
    qint64 durationMs = 0;
    int statementsRun = 0;
    int failedStatement = -1;  // 0-based; -1 when none failed
    QString error;
    QString note;  // a repair's reason
    QByteArray statementsDigest;  // of the statements recorded in the history (successful up)
};

// The two history tables: supabase_migrations.schema_migrations, written exactly as the Supabase
// CLI writes it, and atlas_console.migration_audit, the console's own record of every attempt.
// Reads work on a read-only connection and on a database that has neither table.
namespace MigrationHistory {

// Three round trips whatever the number of migrations: which tables exist, the audit facts per
// version, and the CLI's rows: for each, a digest of its statements, except for the rows this
// console's last apply wrote (recognised by the writing transaction), whose statements the audit
// describes already. A fourth only in the unlikely case that a row's transaction id matches
// another version's apply.
PgResult read(PgConnection &connection, QList<HistoryEntry> *history, QHash<QString, VersionAudit> *audit);

// The recorded statements of the given versions, in one round trip.
PgResult readStatements(PgConnection &connection, const QStringList &versions, QHash<QString, QStringList> *statements);

// Whether both tables exist with every column the console writes (one round trip); false also
// for an audit table from an older console without the note column (ensureTables adds it).
PgResult tablesReady(PgConnection &connection, bool *ready);
// The newest up, down or repair of `version` in the audit table (which must exist); an empty
// direction when there is none.
PgResult lastAttempt(PgConnection &connection, const QString &version, AuditEntry *attempt);
// Whether `version` is recorded in the CLI's table (which must exist).
PgResult isRecorded(PgConnection &connection, const QString &version, bool *recorded);

// Creates both tables if missing (the CLI's DDL for its table, under its lock_timeout of 4s).
// Call inside a transaction of its own, before the migration's.
PgResult ensureTables(PgConnection &connection);

// The CLI's INSERT: (version, name, statements) with the file's statements split as it splits them.
PgResult recordApplied(PgConnection &connection, const MigrationFile &migration);
// What `supabase migration repair --status applied` writes: the row, inserted or replaced.
PgResult recordRepairedApplied(PgConnection &connection, const MigrationFile &migration);
// Deletes the row; the result has the name it had (one row), or no row.
PgResult recordReverted(PgConnection &connection, const QString &version);
PgResult recordAudit(PgConnection &connection, const AuditRecord &record);

// The journal of a statement-by-statement apply: an audit row committed before its first statement
// ("failed", interrupted, at `fromStatement`), moved on after each committed statement, and
// deleted in the transaction that writes the final audit row. Left behind, it tells the status
// how far a run got when the connection or the process died. -1 when it cannot be written.
qint64 startJournal(PgConnection &connection, const MigrationFile &migration, const QString &actor,
                    const QDateTime &startedAt, int fromStatement);
void moveJournal(PgConnection &connection, qint64 id, int nextStatement);
void dropJournal(PgConnection &connection, qint64 id);

}  // namespace MigrationHistory
