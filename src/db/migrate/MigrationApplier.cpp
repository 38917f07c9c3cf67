#include "db/migrate/MigrationApplier.h"

#include "core/run/RunnableCheck.h"
#include "core/sql/SqlScript.h"
#include "core/status/MigrationStatus.h"
#include "core/text/Counted.h"
#include "db/migrate/AuditTrail.h"
#include "db/migrate/EngineSession.h"
#include "db/migrate/HistoryReader.h"
#include "db/migrate/HistoryWriter.h"
#include "db/migrate/MigrationLock.h"
#include "db/migrate/StatementExecutor.h"
#include "db/blockers/BlockerQuery.h"
#include "db/pg/PgConnection.h"

#include <QRandomGenerator>
#include <QThread>

// One run of one migration: what it runs, since when, and its report so far.
struct MigrationApplier::Attempt {
    Attempt(const MigrationFile &m, RunDirection d)
        : migration(m)
        , direction(d)
        , script(d == RunDirection::Up ? m.up : m.down)
        , startedAt(QDateTime::currentDateTimeUtc())
    {
        clock.start();
        report.version = m.version;
        report.name = m.name;
        report.direction = d;
    }
    RunReport &finish()
    {
        report.durationMs = clock.elapsed();
        return report;
    }
    bool up() const { return direction == RunDirection::Up; }
    QString verbDone() const { return up() ? QStringLiteral("applied") : QStringLiteral("rolled back"); }

    const MigrationFile &migration;
    const RunDirection direction;
    const MigrationScript &script;
    QDateTime startedAt;  // of the current try (a lock retry starts a new one)
    QElapsedTimer clock;
    RunReport report;
};

MigrationApplier::MigrationApplier(EngineSession &session)
    : m_session(session)
{
}

int MigrationApplier::resumeFromOf(EngineSession &session, const MigrationFile &migration, std::optional<AuditRow> *last)
{
    if (HistoryReader::lastAttempt(session.connection, migration.version, last).ok() && *last
        && (*last)->direction == RunDirection::Up && !(*last)->succeeded() && (*last)->failedStatement > 0)
        return (*last)->failedStatement;
    return 0;
}

AuditRow MigrationApplier::auditRow(const Attempt &attempt) const
{
    return AuditTrail::attemptOf(attempt.migration, attempt.script, attempt.report, m_session.options.actor, attempt.startedAt);
}

RunReport MigrationApplier::run(const MigrationFile &migration, RunDirection direction, bool lockHeld, int resumeFrom)
{
    Attempt attempt(migration, direction);
    const QString whyNot = whyNotRunnable(migration, attempt.script, RunMode::Apply, m_session.options.transactionPooled);
    if (!whyNot.isEmpty()) {
        attempt.report.message = whyNot;
        return attempt.finish();
    }
    const bool atomic = !attempt.script.parsed().hasNonTransactional();

    // The lock first, then the history tables, then a fresh look at the history under the lock:
    // another console may have applied this migration while we waited.
    MigrationLock lock(m_session.connection, m_session.options.transactionPooled);
    // Declared after the lock, so ended before it: the connection is idle again (no aborted
    // transaction) when the lock is released, whichever way this function returns.
    Transaction transaction(m_session.connection);
    if (!m_session.lockAndPrepareHistory(lock, lockHeld, &attempt.report))
        return attempt.finish();
    if (atomic) {
        const PgResult begun = m_session.begin(transaction);
        if (!begun.ok()) {
            attempt.report.message = QStringLiteral("could not start the transaction: %1").arg(begun.error().toString());
            return attempt.finish();
        }
        if (m_session.options.transactionPooled && !lockHeld && !m_session.takeLock(lock, &attempt.report))
            return attempt.finish();
    }

    // Under the lock: is there still something to do?
    bool isApplied = false;
    const PgResult read = HistoryReader::isRecorded(m_session.connection, migration.version, &isApplied);
    if (!read.ok()) {
        attempt.report.message = QStringLiteral("could not read the migration history: %1").arg(read.error().toString());
        return attempt.finish();
    }
    // Ran outside a transaction and failed part way: its first statements stay. Applying it again
    // from the start would run them twice; resuming or running the down file is asked for by name.
    int resumeFromNow = 0;
    std::optional<AuditRow> last;
    if (!isApplied && (attempt.up() ? !atomic : migration.up.runsStatementByStatement()))
        resumeFromNow = resumeFromOf(m_session, migration, &last);
    if (refused(attempt, isApplied, resumeFromNow, last, resumeFrom))
        return attempt.finish();

    if (atomic)
        runAtomicRetrying(attempt, transaction, lock, lockHeld);
    else
        runStatementByStatement(attempt, resumeFrom);
    return attempt.finish();
}

bool MigrationApplier::refused(Attempt &attempt, bool isApplied, int resumeFromNow, const std::optional<AuditRow> &last,
                               int resumeFrom)
{
    RunReport &report = attempt.report;
    const QString name = attempt.migration.displayName();
    if (attempt.up() && !isApplied && resumeFrom > 0 && resumeFrom == resumeFromNow
        && (last ? last->checksum : QByteArray()) != attempt.migration.up.sha256()) {
        report.resumeFrom = resumeFromNow;
        report.message = QStringLiteral("%1 changed since the attempt that failed: resuming could skip or repeat statements. "
                                        "Put the file back as it was, or run its down file")
                             .arg(attempt.migration.up.fileName());
        return true;
    }
    if (attempt.up() && !isApplied && resumeFrom != resumeFromNow) {
        report.resumeFrom = resumeFromNow > 0 ? resumeFromNow : -1;
        if (resumeFrom == 0)
            report.message = QStringLiteral("%1 failed part way outside a transaction: %2 ran and stay. Resume from "
                                            "statement %3, or run its down file; applying it from the start would run "
                                            "them again")
                                 .arg(name, statementRange(resumeFromNow))
                                 .arg(resumeFromNow + 1);
        else if (resumeFromNow == 0)
            report.message = QStringLiteral("%1 has nothing to resume: its last apply did not fail part way outside a "
                                            "transaction").arg(name);
        else
            report.message = QStringLiteral("%1 can resume only from statement %2, where its last apply failed")
                                 .arg(name)
                                 .arg(resumeFromNow + 1);
        return true;
    }
    if (attempt.up() == isApplied && !(!attempt.up() && resumeFromNow > 0)) {
        report.ok = true;
        report.skipped = true;
        report.message = attempt.up() ? QStringLiteral("%1 is already applied; nothing to do").arg(name)
                                      : QStringLiteral("%1 is not applied; nothing to roll back").arg(name);
        return true;
    }
    return false;
}

void MigrationApplier::runAtomic(Attempt &attempt, Transaction &transaction)
{
    RunReport &report = attempt.report;
    PgConnection &connection = m_session.connection;
    const QString name = attempt.migration.displayName();
    bool ok = StatementExecutor(m_session).run(attempt.script, &report);
    if (ok && attempt.script.parsed().changesSession()) {
        // What the file SET (a role, a search_path) is undone before the history is written as
        // the connecting user, and does not outlive the migration in this (maybe pooled) session.
        const PgResult reset = m_session.resetSession();
        if (!reset.ok()) {
            ok = false;
            report.error = reset.error();
            report.message = QStringLiteral("could not reset the session the migration changed: %1").arg(reset.error().toString());
        }
    }
    if (ok) {
        const PgResult recorded = attempt.up() ? HistoryWriter::recordApplied(connection, attempt.migration)
                                               : HistoryWriter::recordReverted(connection, attempt.migration.version);
        if (!recorded.ok()) {
            ok = false;
            report.error = recorded.error();
            report.message = QStringLiteral("could not record the migration in supabase_migrations.schema_migrations: %1")
                                 .arg(recorded.error().toString());
        }
    }
    if (ok && m_session.cancelled) {
        // The last statement finished, but the user asked to stop: stopping is still possible.
        ok = false;
        report.cancelled = true;
        report.message = QStringLiteral("cancelled before COMMIT; nothing of %1 was applied").arg(name);
    }
    if (ok) {
        report.ok = true;
        AuditTrail::writeInside(connection, transaction, auditRow(attempt), &report);
        const PgResult committed = transaction.commit();
        if (!committed.ok()) {
            report.ok = false;
            report.error = committed.error();
            report.message = QStringLiteral("COMMIT failed; nothing of %1 was applied: %2").arg(name, committed.error().toString());
        }
    } else {
        transaction.rollback();
    }
    if (!report.ok) {
        AuditTrail::writeAlone(connection, auditRow(attempt), &report);
        return;
    }
    report.message = QStringLiteral("%1 %2 in %3 ms (%4)")
                         .arg(attempt.verbDone(), name)
                         .arg(attempt.clock.elapsed())
                         .arg(counted(report.statements.size(), QStringLiteral("statement")));
}

QString MigrationApplier::holdersOfFailed(const Attempt &attempt) const
{
    const QList<SqlStatement> &statements = attempt.script.parsed().statements;
    const int failed = attempt.report.failedStatement;
    QStringList relations;
    if (failed >= 0 && failed < statements.size()) {
        for (const LockEffect &effect : statements.at(failed).locks)
            relations << effect.relation;
    }
    return BlockerQuery::holdersOf(m_session.connection, relations);
}

void MigrationApplier::runAtomicRetrying(Attempt &attempt, Transaction &transaction, MigrationLock &lock, bool lockHeld)
{
    RunReport &report = attempt.report;
    const int retries = std::max(0, m_session.options.lockRetries);
    QList<LockRetry> retried;
    for (int tries = 1;; ++tries) {
        runAtomic(attempt, transaction);  // a failed try is rolled back and audited there
        if (report.ok || report.cancelled || !isLockNotAvailable(report.error.sqlState) || tries > retries)
            break;
        LockRetry retry;
        retry.attempt = tries;
        const QList<SqlStatement> &statements = attempt.script.parsed().statements;
        if (report.failedStatement >= 0 && report.failedStatement < statements.size()) {
            const SqlStatement &failed = statements.at(report.failedStatement);
            retry.statement = QStringLiteral("%1:%2:%3: %4").arg(attempt.script.fileName()).arg(failed.line).arg(failed.column)
                                  .arg(failed.text.simplified().left(80));
        }
        retry.heldBy = holdersOfFailed(attempt);
        retry.pauseMs = lockRetryPauseMs(tries, QRandomGenerator::global()->generateDouble());
        retried.append(retry);
        // Said as it happens (the report keeps the retries themselves, the audit each try).
        if (m_session.notice)
            m_session.notice(retry.describe(retries + 1));
        // The pause, in slices, so that a cancel ends it at once.
        QElapsedTimer paused;
        paused.start();
        while (paused.elapsed() < retry.pauseMs && !m_session.cancelled)
            QThread::msleep(20);
        if (m_session.cancelled) {
            report.cancelled = true;
            report.message = QStringLiteral("cancelled while waiting to try %1 again; nothing of it was applied")
                                 .arg(attempt.migration.displayName());
            break;
        }
        // A new try: a clean report (the warnings stay), a new transaction, the lock again when it
        // is per transaction.
        const QStringList warnings = report.warnings;
        const QStringList notices = report.notices;
        report = RunReport();
        report.version = attempt.migration.version;
        report.name = attempt.migration.name;
        report.direction = attempt.direction;
        report.warnings = warnings;
        report.notices = notices;
        attempt.startedAt = QDateTime::currentDateTimeUtc();
        const PgResult begun = m_session.begin(transaction);
        if (!begun.ok()) {
            report.message = QStringLiteral("could not start the transaction to try again: %1").arg(begun.error().toString());
            break;
        }
        if (m_session.options.transactionPooled && !lockHeld && !m_session.takeLock(lock, &report))
            break;
    }
    report.lockRetries = retried;
    if (!report.ok && !report.cancelled && isLockNotAvailable(report.error.sqlState)) {
        const QString heldBy = holdersOfFailed(attempt);
        QStringList said;
        if (!retried.isEmpty())
            said << QStringLiteral("%1 tries").arg(retried.size() + 1);
        if (!heldBy.isEmpty())
            said << QStringLiteral("held by ") + heldBy;
        if (!said.isEmpty())
            report.message += QStringLiteral(" (%1)").arg(said.join(QStringLiteral("; ")));
    }
}

void MigrationApplier::runStatementByStatement(Attempt &attempt, int resumeFrom)
{
    RunReport &report = attempt.report;
    PgConnection &connection = m_session.connection;
    report.warnings.append(QStringLiteral("%1 runs outside a transaction: not atomic; if a statement fails, the ones "
                                          "before it stay applied")
                               .arg(attempt.script.fileName()));
    if (resumeFrom > 0)
        report.warnings.append(QStringLiteral("resumed at statement %1: statements 1 to %2 ran in an earlier attempt")
                                   .arg(resumeFrom + 1)
                                   .arg(resumeFrom));
    // A journal row says how far it got, committed before the first statement and moved on after
    // each one: if the connection or the process dies half-way, the status still knows which
    // statements stay. The final audit row replaces it.
    const qint64 journal = attempt.up() ? HistoryWriter::startJournal(connection, attempt.migration, m_session.options.actor,
                                                                      attempt.startedAt, resumeFrom)
                                        : -1;
    const auto moveJournal = [&](int next) {
        if (journal >= 0)
            HistoryWriter::moveJournal(connection, journal, next);
    };
    const auto dropJournal = [&] {
        if (journal >= 0)
            HistoryWriter::dropJournal(connection, journal);
    };
    // No transaction holds the limits here: the session does, until it is reset below.
    const PgResult limits = m_session.reapplyLimits();
    if (!limits.ok())
        report.warnings.append(QStringLiteral("could not set lock_timeout and statement_timeout: %1").arg(limits.error().toString()));
    const bool ran = StatementExecutor(m_session).run(attempt.script, &report, resumeFrom, moveJournal);
    if (!m_session.connectionLost())
        m_session.resetSession();
    const int count = int(attempt.script.parsed().statements.size());
    if (!ran) {
        const int committed = report.failedStatement >= 0 ? report.failedStatement : int(report.statements.size());
        if (m_session.connectionLost()) {
            // The journal row stays as it was last moved: the status shows how far it got.
            report.message = report.message.section(QStringLiteral("\nThe connection to the server was lost"), 0, 0)
                + QStringLiteral("\nThe connection was lost; not atomic: statements 1 to %1 were committed before, and the "
                                 "one that was running may have been too. The status shows where it stopped.")
                      .arg(committed);
            return;
        }
        report.message += committed == 0
            ? QStringLiteral("\nNot atomic, but no statement had been committed yet.")
            : QStringLiteral("\nNot atomic: statements 1 to %1 were committed before this point.").arg(committed);
        AuditTrail::writeAlone(connection, auditRow(attempt), &report, dropJournal);
        return;
    }
    Transaction recording(connection);
    PgResult recorded = recording.begin();
    if (recorded.ok())
        recorded = attempt.up() ? HistoryWriter::recordApplied(connection, attempt.migration)
                                : HistoryWriter::recordReverted(connection, attempt.migration.version);
    report.ok = recorded.ok();
    PgResult committed = recorded;
    if (report.ok) {
        dropJournal();
        AuditTrail::writeInside(connection, recording, auditRow(attempt), &report);
        committed = recording.commit();
        report.ok = committed.ok();
    }
    if (report.ok) {
        report.message = QStringLiteral("%1 %2 statement by statement in %3 ms")
                             .arg(attempt.verbDone(), attempt.migration.displayName())
                             .arg(attempt.clock.elapsed());
        return;
    }
    // Every statement ran and stays; only the history row is missing. Say so, in the audit
    // (resuming "after the last statement" then only records it).
    recording.rollback();
    report.failedStatement = count;
    report.message = QStringLiteral("all %1 statements ran and stay, but recording the migration failed: %2")
                         .arg(count)
                         .arg(recorded.ok() ? QStringLiteral("COMMIT of the history row failed") : recorded.error().toString());
    AuditTrail::writeAlone(connection, auditRow(attempt), &report, dropJournal);
}
