#pragma once

#include "core/run/RunDirection.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One attempt in the console's audit table (atlas_console.migration_audit): what an apply,
// rollback, verify or repair writes, what the status reads back, and what the history tab shows.
// A read fills what its query selects; the rest keep their defaults.
struct AuditRow {
    QString version;
    QString name;
    RunDirection direction = RunDirection::Up;
    AttemptOutcome outcome = AttemptOutcome::Succeeded;
    QByteArray checksum;          // hex SHA-256 of the script that ran
    QString actor;                // who ran it: "alice@laptop"
    QString databaseUser;         // as whom the database saw it
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 durationMs = 0;
    int statementsRun = 0;
    int failedStatement = -1;     // 0-based; -1 when none failed
    QString error;                // the located message of a failed attempt
    QString note;                 // why, for a repair
    QByteArray statementsDigest;  // of the statements a successful up recorded in the history

    bool succeeded() const { return outcome == AttemptOutcome::Succeeded; }
};
Q_DECLARE_METATYPE(AuditRow)
Q_DECLARE_METATYPE(QList<AuditRow>)
