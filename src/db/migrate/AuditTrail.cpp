#include "db/migrate/AuditTrail.h"

#include "db/migrate/HistoryWriter.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

namespace AuditTrail {

AuditRow attemptOf(const MigrationFile &migration, const MigrationScript &script, const RunReport &report,
                   const QString &actor, const QDateTime &startedAt)
{
    AuditRow attempt;
    attempt.version = migration.version;
    attempt.name = migration.name;
    attempt.direction = report.direction;
    attempt.outcome = report.ok ? AttemptOutcome::Succeeded : (report.cancelled ? AttemptOutcome::Cancelled : AttemptOutcome::Failed);
    attempt.checksum = script.sha256();
    if (report.ok && report.direction == RunDirection::Up)
        attempt.statementsDigest = migration.up.cliStatementsDigest();  // what recordApplied wrote
    attempt.actor = actor;
    attempt.startedAt = startedAt;
    attempt.durationMs = startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    attempt.statementsRun = int(report.statements.size())
        - (!report.statements.isEmpty() && report.statements.last().index == report.failedStatement ? 1 : 0);
    attempt.failedStatement = report.failedStatement;
    attempt.error = report.ok ? QString() : report.message;
    return attempt;
}

void writeInside(PgConnection &connection, Transaction &transaction, const AuditRow &attempt, RunReport *warningsTo)
{
    if (!connection.isOpen()) {
        warningsTo->warnings.append(QStringLiteral("the audit row was not written: the connection is lost"));
        return;
    }
    const PgResult result = transaction.underSavepoint(QStringLiteral("atlas_audit"),
                                                       [&] { return HistoryWriter::recordAttempt(connection, attempt); });
    if (!result.ok())
        warningsTo->warnings.append(QStringLiteral("the audit row was not written: %1").arg(result.error().toString()));
}

void writeAlone(PgConnection &connection, const AuditRow &attempt, RunReport *warningsTo, const std::function<void()> &alsoInside)
{
    if (!connection.isOpen()) {
        warningsTo->warnings.append(QStringLiteral("the audit row was not written: the connection is lost"));
        return;
    }
    Transaction transaction(connection);
    PgResult result = transaction.begin();
    if (result.ok() && alsoInside)
        alsoInside();
    if (result.ok())
        result = HistoryWriter::recordAttempt(connection, attempt);
    if (result.ok())
        result = transaction.commit();
    if (!result.ok())
        warningsTo->warnings.append(QStringLiteral("the audit row was not written: %1").arg(result.error().toString()));
}

}  // namespace AuditTrail
