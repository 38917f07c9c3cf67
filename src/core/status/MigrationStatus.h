#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/connection/DbError.h"
#include "core/status/AuditRow.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Unknown: the folder is read, the database is not (not connected, or the read failed).
// Skipped: a .sql file of the folder that is not a migration (its name), as the Supabase CLI skips it.
// PresentNotRecorded / PartlyPresent: no history row, but all / some of what its up file creates
// is in the database (applied by hand; core/status/Presence).
enum class MigrationState { Pending, Applied, Modified, MissingFile, OutOfOrder, Failed, Unknown, Skipped, PresentNotRecorded,
                            PartlyPresent };

// A row of supabase_migrations.schema_migrations, as the Supabase CLI or this console wrote it.
struct HistoryEntry {
    QString version;
    QString name;
    // The statements column, or its digest (statementsDigest()) when only that was read: a status
    // of many migrations reads digests, and the statements of those that differ.
    std::optional<QStringList> statements;
    QByteArray digest;  // empty when the row has no statements (very old CLI versions), or:
    // The row is the one this console's last successful apply of the version wrote (same
    // transaction), so its statements are that file text's, whose checksum the audit keeps: the
    // status then compares checksums and needs no digest from the server.
    bool writtenByLastApply = false;
};

// md5 of the statements joined by U+001F, the same as the server's
// md5(array_to_string(statements, chr(31))), to compare statements without transferring them.
QByteArray statementsDigest(const QStringList &statements);

// The audit facts the status needs for one version.
struct VersionAudit {
    std::optional<AuditRow> lastAttempt;  // the newest up, down or repair, whatever its outcome
    std::optional<AuditRow> lastApply;    // the newest successful up
};

struct MigrationStatusRow {
    QString version;
    QString name;
    MigrationState state = MigrationState::Pending;
    QString detail;  // why this state: "file changed since it was applied: statement 3 differs"
    bool hasFile = false;
    bool recorded = false;  // in supabase_migrations.schema_migrations
    bool hasDown = false;
    bool hasVerify = false;
    std::optional<QDateTime> appliedAt;
    QString appliedBy;
    // A migration marked to run outside a transaction whose last apply failed part way: the
    // statements before this one (0-based) ran and stay; -1 otherwise. Resume here, or run the
    // down file; a plain apply would run them again.
    int resumeFrom = -1;
    // PresentNotRecorded because its verify script passes (it creates nothing to look for): shown,
    // but an apply still runs it, as such a script may pass where its migration had nothing to do.
    bool presentByVerifyScript = false;
};

// What the database says of its migrations (its history and the console's audit facts), read
// before the folder is needed, so that a caller can read the folder while the query runs.
struct HistorySnapshot {
    QList<HistoryEntry> history;
    QHash<QString, VersionAudit> audit;
    DbError error;
};

// Status of a folder against a database: the rows, plus the read's own failure if any.
struct StatusReport {
    QList<MigrationStatusRow> rows;
    DbError error;
    bool ok() const { return !error.isError(); }
};
Q_DECLARE_METATYPE(StatusReport)

// Pure: no database. `history` is the CLI's table, `audit` the console's facts by version.
QList<MigrationStatusRow> computeStatus(const MigrationCatalog &catalog, const QList<HistoryEntry> &history,
                                        const QHash<QString, VersionAudit> &audit);

// The folder's migrations when the database cannot say: each Unknown, `why` in its detail.
QList<MigrationStatusRow> statusUnknown(const MigrationCatalog &catalog, const QString &why);

// The migrations an apply (or a plan) runs, in order, up to `toVersion` (all when empty): the
// pending ones with a file, a failed apply that nothing recorded since, and, when asked, the
// out-of-order ones (older than the newest recorded version).
QList<const MigrationFile *> pendingMigrations(const MigrationCatalog &catalog, const QList<MigrationStatusRow> &rows,
                                               const QString &toVersion, bool includeOutOfOrder);
// The newest version recorded in the database, whether or not the folder has its file.
QString newestRecordedVersion(const QList<MigrationStatusRow> &rows);

QString migrationStateName(MigrationState state);
// "statement 1", "statements 1 to 3": the first `count` statements of a script.
QString statementRange(int count);
