#include "db/migrate/HistoryReader.h"

#include "core/text/PgTextArray.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace HistoryReader {

namespace {

// A full transaction id (xid8: epoch and xid) as a row's xmin shows it: the low 32 bits.
QString asXmin(const QString &fullTransactionId)
{
    return QString::number(fullTransactionId.toULongLong() & 0xffffffffULL);
}

AuditRow attemptFrom(const PgResult &rows, int r, int checksum, int finishedAt, int actor)
{
    AuditRow attempt;
    attempt.version = rows.value(r, 0);
    attempt.checksum = rows.value(r, checksum).toLatin1();
    attempt.finishedAt = QDateTime::fromMSecsSinceEpoch(rows.value(r, finishedAt).toLongLong(), Qt::UTC);
    attempt.actor = rows.value(r, actor);
    return attempt;
}

// The audit facts per version (history/last_attempts), and for each version whose last successful
// apply is known by its transaction, that transaction as xmin shows it.
PgResult readAuditFacts(PgConnection &connection, bool hasTransactionIds, QHash<QString, VersionAudit> *audit,
                        QHash<QString, QString> *applyTransactions)
{
    const PgResult rows = connection.exec(sqlResource(hasTransactionIds ? QStringLiteral("history/last_attempts")
                                                                        : QStringLiteral("history/last_attempts_without_transaction_ids")));
    for (int r = 0; rows.ok() && r < rows.rowCount(); ++r) {
        AuditRow attempt = attemptFrom(rows, r, 3, 4, 5);
        attempt.direction = directionFromName(rows.value(r, 1)).value_or(RunDirection::Up);
        attempt.outcome = outcomeFromName(rows.value(r, 2)).value_or(AttemptOutcome::Failed);
        attempt.error = rows.value(r, 6);
        attempt.failedStatement = rows.isNull(r, 11) ? -1 : rows.value(r, 11).toInt();
        VersionAudit &facts = (*audit)[attempt.version];
        if (rows.value(r, 7) == QLatin1String("t")) {
            attempt.statementsDigest = rows.value(r, 13).toLatin1();
            facts.lastApply = attempt;  // the newest attempt is the newest successful up
            if (!rows.isNull(r, 12) && !rows.isNull(r, 13))
                applyTransactions->insert(attempt.version, asXmin(rows.value(r, 12)));
        } else if (!rows.isNull(r, 8) || !rows.isNull(r, 9)) {
            AuditRow apply = attemptFrom(rows, r, 8, 9, 10);
            apply.statementsDigest = rows.value(r, 15).toLatin1();
            facts.lastApply = apply;
            if (!rows.isNull(r, 14) && !rows.isNull(r, 15))
                applyTransactions->insert(attempt.version, asXmin(rows.value(r, 14)));
        }
        facts.lastAttempt = attempt;
    }
    return rows;
}

// The CLI's rows. A table of the current CLI gives digests except for the rows written by one of
// `applyTransactions`; those of an older CLI (no name or statements column) are read whole.
PgResult readRecordedRows(PgConnection &connection, bool currentCliTable, const QHash<QString, QString> &applyTransactions,
                          QList<HistoryEntry> *history)
{
    const PgResult rows = currentCliTable
        ? connection.execParams(sqlResource(QStringLiteral("history/recorded_versions")), {toPgTextArray(applyTransactions.values())})
        : connection.exec(sqlResource(QStringLiteral("history/recorded_versions_of_old_cli")));
    if (!rows.ok())
        return rows;
    QStringList unmatched;  // no digest, yet not written by this version's own apply
    for (int r = 0; r < rows.rowCount(); ++r) {
        HistoryEntry entry;
        entry.version = rows.value(r, 0);
        entry.name = rows.value(r, 1);
        entry.digest = rows.value(r, 3).toLatin1();
        if (currentCliTable && rows.isNull(r, 3)) {
            entry.writtenByLastApply = applyTransactions.value(entry.version) == rows.value(r, 2);
            if (!entry.writtenByLastApply)
                unmatched << entry.version;
        }
        history->append(entry);
    }
    if (unmatched.isEmpty())
        return rows;
    const PgResult digests = connection.execParams(sqlResource(QStringLiteral("history/statement_digests")),
                                                   {toPgTextArray(unmatched)});
    if (!digests.ok())
        return digests;
    QHash<QString, QByteArray> byVersion;
    for (int r = 0; r < digests.rowCount(); ++r)
        byVersion.insert(digests.value(r, 0), digests.value(r, 1).toLatin1());
    for (HistoryEntry &entry : *history) {
        if (byVersion.contains(entry.version))
            entry.digest = byVersion.value(entry.version);
    }
    return rows;
}

}  // namespace

HistorySnapshot read(PgConnection &connection)
{
    HistorySnapshot snapshot;
    const PgResult present = connection.exec(sqlResource(QStringLiteral("history/tables_present")));
    const auto flag = [&present](const char *column) { return present.value(0, QLatin1String(column)) == QLatin1String("t"); };
    QHash<QString, QString> applyTransactions;
    PgResult result = present;
    if (result.ok() && flag("has_audit"))
        result = readAuditFacts(connection, flag("has_transaction_id"), &snapshot.audit, &applyTransactions);
    if (result.ok() && flag("has_history"))
        result = readRecordedRows(connection, flag("has_statements") && flag("has_name"), applyTransactions, &snapshot.history);
    if (!result.ok()) {
        snapshot = HistorySnapshot();
        snapshot.error = result.error();
    }
    return snapshot;
}

PgResult readStatements(PgConnection &connection, const QStringList &versions, QHash<QString, QStringList> *statements)
{
    const PgResult rows = connection.execParams(sqlResource(QStringLiteral("history/recorded_statements")), {toPgTextArray(versions)});
    for (int r = 0; rows.ok() && r < rows.rowCount(); ++r) {
        QStringList list;
        for (const QJsonValue &v : QJsonDocument::fromJson(rows.value(r, 1).toUtf8()).array())
            list << v.toString();
        statements->insert(rows.value(r, 0), list);
    }
    return rows;
}

PgResult isRecorded(PgConnection &connection, const QString &version, bool *recorded)
{
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("history/is_recorded")), {version});
    *recorded = result.ok() && result.value(0, 0) == QLatin1String("t");
    return result;
}

PgResult lastAttempt(PgConnection &connection, const QString &version, std::optional<AuditRow> *attempt)
{
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("history/last_attempt")), {version});
    attempt->reset();
    if (result.ok() && result.rowCount() == 1) {
        AuditRow row;
        row.version = version;
        row.direction = directionFromName(result.value(0, 0)).value_or(RunDirection::Up);
        row.outcome = outcomeFromName(result.value(0, 1)).value_or(AttemptOutcome::Failed);
        row.failedStatement = result.value(0, 2).toInt();
        row.error = result.value(0, 3);
        row.checksum = result.value(0, 4).toLatin1();
        *attempt = row;
    }
    return result;
}

PgResult attemptsOf(PgConnection &connection, const QString &version, QList<AuditRow> *attempts)
{
    attempts->clear();
    const PgResult present = connection.exec(sqlResource(QStringLiteral("history/tables_present")));
    if (!present.ok() || present.value(0, QStringLiteral("has_audit")) != QLatin1String("t"))
        return present;
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("history/attempts_of_version")), {version});
    for (int r = 0; result.ok() && r < result.rowCount(); ++r) {
        AuditRow row;
        row.version = version;
        row.direction = directionFromName(result.value(r, 0)).value_or(RunDirection::Up);
        row.outcome = outcomeFromName(result.value(r, 1)).value_or(AttemptOutcome::Failed);
        row.actor = result.value(r, 2);
        row.databaseUser = result.value(r, 3);
        row.finishedAt = QDateTime::fromMSecsSinceEpoch(result.value(r, 4).toLongLong(), Qt::UTC);
        row.durationMs = result.value(r, 5).toLongLong();
        row.checksum = result.value(r, 6).toLatin1();
        row.error = result.value(r, 7);
        row.note = result.value(r, 8);
        attempts->append(row);
    }
    return result;
}

PgResult tablesReady(PgConnection &connection, bool *ready)
{
    const PgResult result = connection.exec(sqlResource(QStringLiteral("history/tables_ready")));
    *ready = result.ok() && result.value(0, 0) == QLatin1String("t");
    return result;
}

}  // namespace HistoryReader
