#pragma once

#include "core/catalog/MigrationCatalog.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

enum class MigrationState { Pending, Applied, Modified, MissingFile, OutOfOrder, Failed };

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

// One attempt from the console's audit table (atlas_console.migration_audit).
struct AuditEntry {
    QString version;
    QString direction;  // up, down, verify, repair
    QString outcome;    // succeeded, failed, cancelled
    QByteArray checksum;
    QDateTime finishedAt;
    QString actor;
    QString error;
    int failedStatement = -1;  // 0-based, for a failed attempt; -1 when none failed
    QByteArray statementsDigest;  // statementsDigest() of the statements it recorded (up only)
};

// The audit facts the status needs for one version.
struct VersionAudit {
    std::optional<AuditEntry> lastAttempt;  // the newest up or down attempt, whatever its outcome
    std::optional<AuditEntry> lastApply;    // the newest successful up
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
};

// Pure: no database. `history` is the CLI's table, `audit` the console's facts by version.
QList<MigrationStatusRow> computeStatus(const MigrationCatalog &catalog, const QList<HistoryEntry> &history,
                                        const QHash<QString, VersionAudit> &audit);

QString migrationStateName(MigrationState state);
// "statement 1", "statements 1 to 3": the first `count` statements of a script.
QString statementRange(int count);
