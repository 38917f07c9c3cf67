#include "db/migrate/MigrationRepairer.h"

#include "db/migrate/EngineSession.h"
#include "db/migrate/HistoryReader.h"
#include "db/migrate/HistoryWriter.h"
#include "db/migrate/MigrationApplier.h"
#include "db/migrate/MigrationLock.h"
#include "db/pg/PgConnection.h"

#include <QElapsedTimer>

MigrationRepairer::MigrationRepairer(EngineSession &session)
    : m_session(session)
{
}

RunReport MigrationRepairer::repair(const QString &version, const MigrationFile *file, RepairStatus status, const QString &reason)
{
    QElapsedTimer clock;
    clock.start();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    RunReport report;
    report.version = version;
    report.name = file ? file->name : QString();
    report.direction = RunDirection::Repair;
    const bool markApplied = status == RepairStatus::Applied;
    const QString marked = markApplied ? QStringLiteral("applied") : QStringLiteral("reverted");
    const auto finish = [&]() -> RunReport & {
        report.durationMs = clock.elapsed();
        return report;
    };
    if (reason.trimmed().isEmpty()) {
        report.message = QStringLiteral("say why %1 is repaired: the reason goes into the audit table").arg(version);
        return finish();
    }
    if (markApplied && (!file || file->up.sql().isEmpty())) {
        report.message = QStringLiteral("%1 cannot be marked applied without its file: the history row records the "
                                        "file's statements").arg(version);
        return finish();
    }

    PgConnection &connection = m_session.connection;
    MigrationLock lock(connection, m_session.options.transactionPooled);
    Transaction transaction(connection);
    if (!m_session.lockAndPrepareHistory(lock, false, &report))
        return finish();
    const PgResult begun = m_session.begin(transaction);
    if (!begun.ok()) {
        report.message = QStringLiteral("could not start the transaction: %1").arg(begun.error().toString());
        return finish();
    }
    if (m_session.options.transactionPooled && !m_session.takeLock(lock, &report))
        return finish();

    bool wasRecorded = false;
    PgResult result = HistoryReader::isRecorded(connection, version, &wasRecorded);
    std::optional<AuditRow> last;
    const bool halfDone = !wasRecorded && file && file->up.runsStatementByStatement()
        && MigrationApplier::resumeFromOf(m_session, *file, &last) > 0;
    if (result.ok() && !markApplied && !wasRecorded && !halfDone) {
        report.ok = report.skipped = true;
        report.message = QStringLiteral("%1 is not recorded as applied; nothing to mark reverted").arg(version);
        return finish();
    }
    if (result.ok())
        result = markApplied ? HistoryWriter::recordRepairedApplied(connection, *file)
                             : HistoryWriter::recordReverted(connection, version);
    if (!result.ok()) {
        report.error = result.error();
        report.message = QStringLiteral("could not repair %1: %2").arg(version, result.error().toString());
        return finish();
    }
    // The audit row belongs to the repair: in its transaction, and a repair without it is none.
    AuditRow attempt;
    attempt.version = version;
    attempt.name = file ? file->name : result.value(0, 0);  // reverted without a file: the name it was recorded with
    attempt.direction = RunDirection::Repair;
    attempt.outcome = AttemptOutcome::Succeeded;
    attempt.checksum = markApplied ? file->up.sha256() : QByteArray();
    attempt.actor = m_session.options.actor;
    attempt.startedAt = startedAt;
    attempt.durationMs = startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    attempt.note = QStringLiteral("marked %1 without running it%2: %3")
                       .arg(marked,
                            markApplied && wasRecorded ? QStringLiteral(" (its recorded statements replaced by the file's)") : QString(),
                            reason.trimmed());
    result = HistoryWriter::recordAttempt(connection, attempt);
    if (result.ok())
        result = transaction.commit();
    if (!result.ok()) {
        report.error = result.error();
        report.message = QStringLiteral("could not repair %1 (nothing was changed): %2").arg(version, result.error().toString());
        return finish();
    }
    report.ok = true;
    report.message = QStringLiteral("%1 marked %2 in supabase_migrations.schema_migrations, without running it; the audit "
                                    "table records who and why")
                         .arg(file ? file->displayName() : version, marked);
    return finish();
}
