#pragma once

#include "core/connection/DbError.h"
#include "core/run/LockRetry.h"
#include "core/run/RunDirection.h"
#include "core/schema/SchemaDiff.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One verify check and its outcome.
struct CheckResult {
    QString name;
    bool passed = false;
    QString detail;
};

// What running one statement did.
struct StatementReport {
    int index = 0;  // 0-based in its script
    int line = 0;   // where it starts in the file
    QString kind;   // CREATE TABLE, ...
    QString text;
    QString commandTag;      // "INSERT 0 3"
    qint64 affectedRows = -1;
    qint64 durationMs = 0;
    QStringList notices;
};

// The result of one apply, rollback, dry run or verify of one migration.
struct RunReport {
    QString version;
    QString name;
    RunDirection direction = RunDirection::Up;
    bool dryRun = false;
    bool ok = false;
    bool cancelled = false;
    bool skipped = false;     // nothing to do (already applied, say); `message` says why
    bool lockBusy = false;    // another session held the migration lock
    bool preflightFailed = false;  // the database lacks what it needs (an extension, a schema, a role): nothing ran
    bool presentUnrecorded = false;  // refused: its objects are in the database, its history row is not (applied by hand)
    QString message;          // for people; on failure located: "file:line:column: ERROR 42P01: ..."
    DbError error;            // the server's error, whole
    int failedStatement = -1; // 0-based
    int resumeFrom = -1;      // refused: it failed part way outside a transaction; resume here
    QList<StatementReport> statements;
    QStringList notices;      // server notices in order
    QStringList warnings;     // from the console: not atomic, audit not written, ...
    QList<SchemaChange> schemaChanges;  // dry run: what the script changes in the catalog
    QList<CheckResult> checks;          // verify
    QList<LockRetry> lockRetries;       // attempts that ran out of lock_timeout and were tried again
    qint64 durationMs = 0;

    int failedChecks() const;
    // "apply", "dry run", "rollback", "rollback preview", "verify", "repair": what ran, for people.
    QString operationName() const;
};
Q_DECLARE_METATYPE(RunReport)
Q_DECLARE_METATYPE(QList<RunReport>)
