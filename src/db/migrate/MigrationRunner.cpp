#include "db/migrate/MigrationRunner.h"

#include "core/run/Actor.h"
#include "core/sql/DerivedChecks.h"
#include "core/text/Utf8Check.h"
#include "db/migrate/CatalogSnapshot.h"
#include "db/migrate/MigrationHistory.h"
#include "db/migrate/MigrationLock.h"
#include "db/pg/PgConnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>

namespace {

// File position of the 1-based character `position` inside a statement that starts at
// (line, column) of the file.
void locateInFile(const SqlStatement &statement, int position, int *line, int *column)
{
    int l = 0, c = 0;
    lineAndColumnAtCharacter(statement.text, position - 1, &l, &c);
    *line = statement.line + l - 1;
    *column = l == 1 ? statement.column + c - 1 : c;
}

bool connectionLost(PgConnection &connection)
{
    return !connection.isOpen();
}

// Rolls back whatever transaction is still open when it goes out of scope.
class TransactionCloser {
public:
    explicit TransactionCloser(PgConnection &connection)
        : m_connection(connection)
    {
    }
    ~TransactionCloser()
    {
        if (m_connection.isOpen() && m_connection.inTransaction())
            m_connection.exec(QStringLiteral("ROLLBACK"));
    }

private:
    PgConnection &m_connection;
};

}  // namespace

MigrationRunner::MigrationRunner(PgConnection &connection, RunnerOptions options)
    : m_connection(connection)
    , m_options(std::move(options))
{
    if (m_options.actor.isEmpty())
        m_options.actor = currentActor();
}

void MigrationRunner::cancel()
{
    m_cancelled = true;
    m_connection.cancel();
}

void MigrationRunner::setOptions(const RunnerOptions &options)
{
    m_options = options;
    if (m_options.actor.isEmpty())
        m_options.actor = currentActor();
}

PgResult MigrationRunner::beginTransaction(bool readOnly)
{
    PgResult result = m_connection.exec(readOnly ? QStringLiteral("BEGIN TRANSACTION READ ONLY") : QStringLiteral("BEGIN"));
    if (result.ok())
        result = m_connection.execParams(
            QStringLiteral("SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true), "
                           "pg_backend_pid()"),
            {m_options.lockTimeout, m_options.statementTimeout});
    if (result.ok())
        m_backendPid->store(result.value(0, 2).toInt());
    if (!result.ok() && m_connection.inTransaction())
        m_connection.exec(QStringLiteral("ROLLBACK"));
    return result;
}

StatusReport MigrationRunner::status(const MigrationCatalog &catalog)
{
    return status(catalog, readHistory());
}

HistorySnapshot MigrationRunner::readHistory()
{
    HistorySnapshot snapshot;
    const PgResult result = MigrationHistory::read(m_connection, &snapshot.history, &snapshot.audit);
    if (!result.ok())
        snapshot.error = result.error();
    return snapshot;
}

StatusReport MigrationRunner::status(const MigrationCatalog &catalog, HistorySnapshot snapshot)
{
    StatusReport report;
    if (snapshot.error.isError()) {
        report.error = snapshot.error;
        return report;
    }
    report.rows = computeStatus(catalog, snapshot.history, snapshot.audit);
    // For the migrations whose statements differ, read them to say which statement differs.
    QStringList drifted;
    for (const MigrationStatusRow &row : report.rows) {
        if (row.state == MigrationState::Modified)
            drifted << row.version;
    }
    if (!drifted.isEmpty()) {
        QHash<QString, QStringList> statements;
        if (MigrationHistory::readStatements(m_connection, drifted, &statements).ok()) {
            for (HistoryEntry &entry : snapshot.history) {
                if (statements.contains(entry.version))
                    entry.statements = statements.value(entry.version);
            }
            report.rows = computeStatus(catalog, snapshot.history, snapshot.audit);
        }
    }
    return report;
}

RunReport MigrationRunner::apply(const MigrationFile &migration)
{
    return run(migration, Direction::Up, false, false);
}

RunReport MigrationRunner::rollback(const MigrationFile &migration)
{
    return run(migration, Direction::Down, false, false);
}

RunReport MigrationRunner::dryRun(const MigrationFile &migration, bool down)
{
    return run(migration, down ? Direction::Down : Direction::Up, true, false);
}

bool MigrationRunner::checkRunnable(const MigrationFile &migration, const MigrationScript &script,
                                    const SqlScript &parsed, bool dryRun, RunReport *report)
{
    if (!script.exists()) {
        report->message = QStringLiteral("%1 has no down file: write %1.down.sql (or down/%1.sql) to roll it back")
                              .arg(migration.displayName());
        return false;
    }
    if (script.sql.isEmpty()) {
        report->message = QStringLiteral("%1: cannot be run: the file could not be read as UTF-8 SQL (see the folder's errors)")
                              .arg(script.fileName);
        return false;
    }
    if (!parsed.isValid()) {
        report->message = parsed.syntaxError->located(script.fileName);
        return false;
    }
    if (parsed.statements.isEmpty()) {
        report->message = QStringLiteral("%1: contains no SQL statements").arg(script.fileName);
        return false;
    }
    for (const SqlStatement &statement : parsed.statements) {
        if (statement.controlsTransaction) {
            report->message = QStringLiteral("%1:%2:%3: %4 %5")
                                  .arg(script.fileName)
                                  .arg(statement.line)
                                  .arg(statement.column)
                                  .arg(statement.text.section(QLatin1Char(' '), 0, 0).toUpper(), statement.nonTransactionalReason);
            return false;
        }
    }
    if (parsed.hasNonTransactional()) {
        const auto it = std::find_if(parsed.statements.begin(), parsed.statements.end(),
                                     [](const SqlStatement &s) { return !s.transactional; });
        const QString where = QStringLiteral("%1:%2:%3").arg(script.fileName).arg(it->line).arg(it->column);
        if (dryRun) {
            report->message = QStringLiteral("%1: cannot be previewed in a transaction: %2").arg(where, it->nonTransactionalReason);
            return false;
        }
        if (m_options.transactionPooled) {
            report->message = QStringLiteral("%1: %2; and a file that runs outside a transaction cannot run through a "
                                             "transaction pooler, which gives each statement a different server "
                                             "connection. Connect directly or through the session pooler")
                                  .arg(where, it->nonTransactionalReason);
            return false;
        }
        if (!script.runsOutsideTransaction()) {
            report->message = QStringLiteral("%1: %2. To run this file statement by statement (not atomically), make "
                                             "its first line \"-- atlas:no-transaction\" and keep it to statements that "
                                             "are safe to repeat")
                                  .arg(where, it->nonTransactionalReason);
            return false;
        }
    }
    return true;
}

void MigrationRunner::fail(RunReport *report, const MigrationScript &script, const SqlStatement &statement,
                           int count, const DbError &error)
{
    report->error = error;
    int line = statement.line;
    int column = statement.column;
    if (error.position > 0)
        locateInFile(statement, error.position, &line, &column);
    QString text = QStringLiteral("%1:%2:%3: %4").arg(script.fileName).arg(line).arg(column).arg(error.toString());
    text += QStringLiteral("\n(statement %1 of %2: %3)").arg(report->failedStatement + 1).arg(count).arg(statement.kind);
    report->message = text;
}

bool MigrationRunner::execStatements(const MigrationScript &script, const SqlScript &parsed, RunReport *report, int startAt)
{
    const int count = int(parsed.statements.size());
    for (int i = startAt; i < count; ++i) {
        const SqlStatement &statement = parsed.statements.at(i);
        if (m_cancelled) {
            report->cancelled = true;
            report->failedStatement = i;  // the first that did not run
            report->message = QStringLiteral("cancelled before statement %1 of %2").arg(i + 1).arg(count);
            return false;
        }
        if (m_progress)
            m_progress(i, count, statement.text);
        StatementReport step;
        step.index = i;
        step.line = statement.line;
        step.kind = statement.kind;
        step.text = statement.text;
        m_connection.setNoticeHandler([this, &step, report](const QString &notice) {
            step.notices.append(notice);
            report->notices.append(notice);
            if (m_noticeHandler)
                m_noticeHandler(notice);
        });
        QElapsedTimer timer;
        timer.start();
        const PgResult result = m_connection.exec(statement.text);
        m_connection.setNoticeHandler({});
        m_connection.takeNotices();
        step.durationMs = timer.elapsed();
        if (!result.ok()) {
            report->failedStatement = i;
            report->cancelled = m_cancelled && result.error().sqlState == QLatin1String("57014");
            fail(report, script, statement, count, result.error());
            report->statements.append(step);
            if (connectionLost(m_connection))
                report->message += QStringLiteral(
                    "\nThe connection to the server was lost while this statement ran. PostgreSQL rolls back an "
                    "unfinished transaction, so nothing of this migration was committed.");
            return false;
        }
        step.commandTag = result.commandTag();
        step.affectedRows = result.affectedRows();
        report->statements.append(step);
        if (m_journalId >= 0 && !m_connection.inTransaction())
            MigrationHistory::moveJournal(m_connection, m_journalId, i + 1);
    }
    return true;
}

void MigrationRunner::audit(const MigrationFile &migration, const MigrationScript &script, const RunReport &report,
                            const QDateTime &startedAt, RunReport *warningsTo)
{
    if (connectionLost(m_connection)) {
        warningsTo->warnings.append(QStringLiteral("the audit row was not written: the connection is lost"));
        return;
    }
    AuditRecord record;
    record.version = migration.version;
    record.name = migration.name;
    record.direction = report.direction;
    record.outcome = report.ok ? QStringLiteral("succeeded")
                               : (report.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"));
    record.checksum = script.sha256();
    if (report.ok && report.direction == QLatin1String("up"))
        record.statementsDigest = migration.up.cliStatementsDigest();  // what recordApplied wrote
    record.actor = m_options.actor;
    record.startedAt = startedAt;
    record.durationMs = startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    record.statementsRun = int(report.statements.size())
        - (!report.statements.isEmpty() && report.statements.last().index == report.failedStatement ? 1 : 0);
    record.failedStatement = report.failedStatement;
    record.error = report.ok ? QString() : report.message;
    const bool inTransaction = m_connection.inTransaction();
    if (inTransaction)
        m_connection.exec(QStringLiteral("SAVEPOINT atlas_audit"));
    const PgResult result = MigrationHistory::recordAudit(m_connection, record);
    if (!result.ok()) {
        if (inTransaction)
            m_connection.exec(QStringLiteral("ROLLBACK TO SAVEPOINT atlas_audit"));
        warningsTo->warnings.append(QStringLiteral("the audit row was not written: %1").arg(result.error().toString()));
    } else if (inTransaction) {
        m_connection.exec(QStringLiteral("RELEASE SAVEPOINT atlas_audit"));
    }
}

int MigrationRunner::halfDoneAt(const MigrationFile &migration, AuditEntry *last)
{
    if (MigrationHistory::lastAttempt(m_connection, migration.version, last).ok() && last->direction == QLatin1String("up")
        && last->outcome != QLatin1String("succeeded") && last->failedStatement > 0)
        return last->failedStatement;
    return 0;
}

bool MigrationRunner::takeMigrationLock(MigrationLock &lock, RunReport *report)
{
    QString why;
    if (lock.acquire(m_options.lockWaitMs, m_cancelled, &why))
        return true;
    if (m_connection.inTransaction())
        m_connection.exec(QStringLiteral("ROLLBACK"));
    report->message = why;
    report->cancelled = m_cancelled;
    report->lockBusy = !m_cancelled;
    return false;
}

bool MigrationRunner::lockAndPrepareHistory(MigrationLock &lock, bool lockHeld, RunReport *report)
{
    if (!lockHeld && !m_options.transactionPooled && !takeMigrationLock(lock, report))
        return false;
    // The history tables, created once (in a transaction of their own: the migration's may fail).
    bool ready = false;
    PgResult setup = MigrationHistory::tablesReady(m_connection, &ready);
    if (setup.ok() && !ready) {
        setup = m_connection.exec(QStringLiteral("BEGIN"));
        // Behind a pooler the lock is per transaction: take it here too, or two consoles creating
        // the tables at once collide on CREATE SCHEMA IF NOT EXISTS.
        if (setup.ok() && m_options.transactionPooled && !lockHeld && !takeMigrationLock(lock, report))
            return false;
        if (setup.ok())
            setup = MigrationHistory::ensureTables(m_connection);
        if (setup.ok())
            setup = m_connection.exec(QStringLiteral("COMMIT"));
    }
    if (!setup.ok()) {
        m_connection.exec(QStringLiteral("ROLLBACK"));
        report->message = QStringLiteral("could not create the migration history tables: %1").arg(setup.error().toString());
        return false;
    }
    return true;
}

RunReport MigrationRunner::repair(const QString &version, const MigrationFile *file, RepairStatus status,
                                  const QString &reason)
{
    QElapsedTimer clock;
    clock.start();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    RunReport report;
    report.version = version;
    report.name = file ? file->name : QString();
    report.direction = QStringLiteral("repair");
    const bool markApplied = status == RepairStatus::Applied;
    const auto finish = [&]() -> RunReport & {
        report.durationMs = clock.elapsed();
        return report;
    };
    if (reason.trimmed().isEmpty()) {
        report.message = QStringLiteral("say why %1 is repaired: the reason goes into the audit table").arg(version);
        return finish();
    }
    if (markApplied && (!file || file->up.sql.isEmpty())) {
        report.message = QStringLiteral("%1 cannot be marked applied without its file: the history row records the "
                                        "file's statements")
                             .arg(version);
        return finish();
    }

    MigrationLock lock(m_connection, m_options.transactionPooled);
    const TransactionCloser closer(m_connection);
    if (!lockAndPrepareHistory(lock, false, &report))
        return finish();
    const PgResult begin = beginTransaction(false);
    if (!begin.ok()) {
        report.message = QStringLiteral("could not start the transaction: %1").arg(begin.error().toString());
        return finish();
    }
    if (m_options.transactionPooled && !takeMigrationLock(lock, &report))
        return finish();

    bool wasRecorded = false;
    PgResult result = MigrationHistory::isRecorded(m_connection, version, &wasRecorded);
    AuditEntry last;
    const bool halfDone = !wasRecorded && file && file->up.runsStatementByStatement() && halfDoneAt(*file, &last) > 0;
    if (result.ok() && !markApplied && !wasRecorded && !halfDone) {
        m_connection.exec(QStringLiteral("ROLLBACK"));
        report.ok = report.skipped = true;
        report.message = QStringLiteral("%1 is not recorded as applied; nothing to mark reverted").arg(version);
        return finish();
    }
    if (result.ok())
        result = markApplied ? MigrationHistory::recordRepairedApplied(m_connection, *file)
                             : MigrationHistory::recordReverted(m_connection, version);
    if (!result.ok()) {
        m_connection.exec(QStringLiteral("ROLLBACK"));
        report.error = result.error();
        report.message = QStringLiteral("could not repair %1: %2").arg(version, result.error().toString());
        return finish();
    }
    // The audit row belongs to the repair: in its transaction, and a repair without it is none.
    AuditRecord record;
    record.version = version;
    record.name = file ? file->name : result.value(0, 0);  // reverted without a file: the name it was recorded with
    record.direction = QStringLiteral("repair");
    record.outcome = QStringLiteral("succeeded");
    record.checksum = markApplied ? file->up.sha256() : QByteArray();
    record.actor = m_options.actor;
    record.startedAt = startedAt;
    record.durationMs = startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    record.note = QStringLiteral("marked %1 without running it%2: %3")
                      .arg(markApplied ? QStringLiteral("applied") : QStringLiteral("reverted"),
                           markApplied && wasRecorded ? QStringLiteral(" (its recorded statements replaced by the file's)") : QString(),
                           reason.trimmed());
    result = MigrationHistory::recordAudit(m_connection, record);
    if (result.ok())
        result = m_connection.exec(QStringLiteral("COMMIT"));
    if (!result.ok() || result.commandTag() != QLatin1String("COMMIT")) {
        m_connection.exec(QStringLiteral("ROLLBACK"));
        report.error = result.error();
        report.message = QStringLiteral("could not repair %1 (nothing was changed): %2")
                             .arg(version, result.ok() ? result.commandTag() : result.error().toString());
        return finish();
    }
    report.ok = true;
    report.message = QStringLiteral("%1 marked %2 in supabase_migrations.schema_migrations, without running it; the audit "
                                    "table records who and why")
                         .arg(file ? file->displayName() : version,
                              markApplied ? QStringLiteral("applied") : QStringLiteral("reverted"));
    return finish();
}

RunReport MigrationRunner::resume(const MigrationFile &migration, int fromStatement)
{
    return run(migration, Direction::Up, false, false, fromStatement);
}

RunReport MigrationRunner::run(const MigrationFile &migration, Direction direction, bool dryRun, bool lockHeld, int startAt)
{
    QElapsedTimer clock;
    clock.start();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    RunReport report;
    report.version = migration.version;
    report.name = migration.name;
    report.direction = direction == Direction::Up ? QStringLiteral("up") : QStringLiteral("down");
    report.dryRun = dryRun;
    const MigrationScript &script = direction == Direction::Up ? migration.up : migration.down;
    const SqlScript parsed = parseSqlScript(script.sql);
    const auto finish = [&]() -> RunReport & {
        report.durationMs = clock.elapsed();
        return report;
    };
    if (!checkRunnable(migration, script, parsed, dryRun, &report))
        return finish();

    const bool atomic = !parsed.hasNonTransactional();
    if (dryRun) {
        const PgResult begin = beginTransaction(false);
        if (!begin.ok()) {
            report.message = QStringLiteral("could not start the dry run: %1").arg(begin.error().toString());
            return finish();
        }
        RunReport preview = previewInOpenTransaction(migration, script);
        m_connection.exec(QStringLiteral("ROLLBACK"));
        preview.direction = report.direction;
        preview.durationMs = clock.elapsed();
        return preview;
    }

    // The lock first, then the history tables, then a fresh look at the history under the lock:
    // another console may have applied this migration while we waited.
    MigrationLock lock(m_connection, m_options.transactionPooled);
    // Declared after the lock, so destroyed before it: the connection is idle again (no aborted
    // transaction) when the lock is released, whichever way this function returns.
    const TransactionCloser closer(m_connection);
    const auto takeLock = [&] { return takeMigrationLock(lock, &report); };
    if (!lockAndPrepareHistory(lock, lockHeld, &report))
        return finish();

    if (atomic) {
        const PgResult begin = beginTransaction(false);
        if (!begin.ok()) {
            report.message = QStringLiteral("could not start the transaction: %1").arg(begin.error().toString());
            return finish();
        }
        if (m_options.transactionPooled && !lockHeld && !takeLock())
            return finish();
    }

    // Under the lock: is there still something to do?
    bool isApplied = false;
    const PgResult read = MigrationHistory::isRecorded(m_connection, migration.version, &isApplied);
    if (!read.ok()) {
        if (atomic)
            m_connection.exec(QStringLiteral("ROLLBACK"));
        report.message = QStringLiteral("could not read the migration history: %1").arg(read.error().toString());
        return finish();
    }
    // Ran outside a transaction and failed part way: its first statements stay. Applying it again
    // from the start would run them twice; resuming or running the down file is asked for by name.
    int dirtyFrom = 0;
    AuditEntry last;
    // (For an up run `parsed` is the up file: no need to parse it again.)
    if (!isApplied && (direction == Direction::Up ? !atomic : migration.up.runsStatementByStatement()))
        dirtyFrom = halfDoneAt(migration, &last);
    if (direction == Direction::Up && !isApplied && startAt > 0 && startAt == dirtyFrom && last.checksum != migration.up.sha256()) {
        if (atomic)
            m_connection.exec(QStringLiteral("ROLLBACK"));
        report.resumeFrom = dirtyFrom;
        report.message = QStringLiteral("%1 changed since the attempt that failed: resuming could skip or repeat statements. "
                                        "Put the file back as it was, or run its down file")
                             .arg(migration.up.fileName);
        return finish();
    }
    if (direction == Direction::Up && !isApplied && startAt != dirtyFrom) {
        if (atomic)
            m_connection.exec(QStringLiteral("ROLLBACK"));
        report.resumeFrom = dirtyFrom > 0 ? dirtyFrom : -1;
        if (startAt == 0)
            report.message = QStringLiteral("%1 failed part way outside a transaction: %2 ran and stay. "
                                            "Resume from statement %3, or run its down file; applying it from the start "
                                            "would run them again")
                                 .arg(migration.displayName(), statementRange(dirtyFrom))
                                 .arg(dirtyFrom + 1);
        else if (dirtyFrom == 0)
            report.message = QStringLiteral("%1 has nothing to resume: its last apply did not fail part way outside a "
                                            "transaction")
                                 .arg(migration.displayName());
        else
            report.message = QStringLiteral("%1 can resume only from statement %2, where its last apply failed")
                                 .arg(migration.displayName())
                                 .arg(dirtyFrom + 1);
        return finish();
    }
    if ((direction == Direction::Up) == isApplied && !(direction == Direction::Down && dirtyFrom > 0)) {
        if (atomic)
            m_connection.exec(QStringLiteral("ROLLBACK"));
        report.ok = true;
        report.skipped = true;
        report.message = direction == Direction::Up
            ? QStringLiteral("%1 is already applied; nothing to do").arg(migration.displayName())
            : QStringLiteral("%1 is not applied; nothing to roll back").arg(migration.displayName());
        return finish();
    }

    if (atomic) {
        bool ok = execStatements(script, parsed, &report);
        if (ok) {
            const PgResult recorded = direction == Direction::Up
                ? MigrationHistory::recordApplied(m_connection, migration)
                : MigrationHistory::recordReverted(m_connection, migration.version);
            if (!recorded.ok()) {
                ok = false;
                report.error = recorded.error();
                report.message = QStringLiteral("could not record the migration in supabase_migrations.schema_migrations: %1")
                                     .arg(recorded.error().toString());
            }
        }
        if (ok && m_cancelled) {
            // The last statement finished, but the user asked to stop: stopping is still possible.
            ok = false;
            report.cancelled = true;
            report.message = QStringLiteral("cancelled before COMMIT; nothing of %1 was applied").arg(migration.displayName());
        }
        if (ok) {
            report.ok = true;
            audit(migration, script, report, startedAt, &report);
            const PgResult commit = m_connection.exec(QStringLiteral("COMMIT"));
            if (!commit.ok() || commit.commandTag() != QLatin1String("COMMIT")) {
                report.ok = false;
                report.error = commit.error();
                report.message = QStringLiteral("COMMIT failed; nothing of %1 was applied: %2")
                                     .arg(migration.displayName(),
                                          commit.ok() ? commit.commandTag() : commit.error().toString());
            }
        } else {
            m_connection.exec(QStringLiteral("ROLLBACK"));
        }
        if (!report.ok) {
            m_connection.exec(QStringLiteral("BEGIN"));
            audit(migration, script, report, startedAt, &report);
            m_connection.exec(QStringLiteral("COMMIT"));
        } else {
            report.message = QStringLiteral("%1 %2 in %3 ms (%4 statements)")
                                 .arg(direction == Direction::Up ? QStringLiteral("applied") : QStringLiteral("rolled back"),
                                      migration.displayName())
                                 .arg(clock.elapsed())
                                 .arg(report.statements.size());
        }
        return finish();
    }

    // Statement by statement, as the file asked: each statement commits on its own.
    report.warnings.append(QStringLiteral("%1 runs outside a transaction: not atomic; if a statement fails, the ones "
                                          "before it stay applied")
                               .arg(script.fileName));
    if (startAt > 0)
        report.warnings.append(QStringLiteral("resumed at statement %1: statements 1 to %2 ran in an earlier attempt")
                                   .arg(startAt + 1)
                                   .arg(startAt));
    // A journal row says how far it got, committed before the first statement and moved on after
    // each one: if the connection or the process dies half-way, the status still knows which
    // statements stay. The final audit row replaces it.
    m_journalId = direction == Direction::Up ? MigrationHistory::startJournal(m_connection, migration, m_options.actor,
                                                                                startedAt, startAt)
                                             : -1;
    bool ok = execStatements(script, parsed, &report, startAt);
    const int count = int(parsed.statements.size());
    const auto closeJournal = [&] {
        if (m_journalId >= 0)
            MigrationHistory::dropJournal(m_connection, m_journalId);
        m_journalId = -1;
    };
    if (ok) {
        m_connection.exec(QStringLiteral("BEGIN"));
        const PgResult recorded = direction == Direction::Up
            ? MigrationHistory::recordApplied(m_connection, migration)
            : MigrationHistory::recordReverted(m_connection, migration.version);
        report.ok = recorded.ok();
        if (report.ok) {
            closeJournal();
            audit(migration, script, report, startedAt, &report);
            const PgResult commit = m_connection.exec(QStringLiteral("COMMIT"));
            report.ok = commit.ok() && commit.commandTag() == QLatin1String("COMMIT");
        }
        if (!report.ok) {
            // Every statement ran and stays; only the history row is missing. Say so, in the
            // audit (resuming "after the last statement" then only records it).
            const QString why = recorded.ok() ? QStringLiteral("COMMIT of the history row failed") : recorded.error().toString();
            m_connection.exec(QStringLiteral("ROLLBACK"));
            report.failedStatement = count;
            report.message = QStringLiteral("all %1 statements ran and stay, but recording the migration failed: %2")
                                 .arg(count)
                                 .arg(why);
            m_connection.exec(QStringLiteral("BEGIN"));
            closeJournal();
            audit(migration, script, report, startedAt, &report);
            m_connection.exec(QStringLiteral("COMMIT"));
        } else {
            report.message = QStringLiteral("%1 %2 statement by statement in %3 ms")
                                 .arg(direction == Direction::Up ? QStringLiteral("applied") : QStringLiteral("rolled back"),
                                      migration.displayName())
                                 .arg(clock.elapsed());
        }
    } else {
        const int committed = report.failedStatement >= 0 ? report.failedStatement : int(report.statements.size());
        if (connectionLost(m_connection)) {
            // The journal row stays as it was last moved: the status shows how far it got.
            report.message = report.message.section(QStringLiteral("\nThe connection to the server was lost"), 0, 0)
                + QStringLiteral("\nThe connection was lost; not atomic: statements 1 to %1 were committed before, and the "
                                 "one that was running may have been too. The status shows where it stopped.")
                      .arg(committed);
            m_journalId = -1;
            return finish();
        }
        report.message += committed == 0
            ? QStringLiteral("\nNot atomic, but no statement had been committed yet.")
            : QStringLiteral("\nNot atomic: statements 1 to %1 were committed before this point.").arg(committed);
        m_connection.exec(QStringLiteral("BEGIN"));
        closeJournal();
        audit(migration, script, report, startedAt, &report);
        m_connection.exec(QStringLiteral("COMMIT"));
    }
    return finish();
}

RunReport MigrationRunner::previewInOpenTransaction(const MigrationFile &migration, const MigrationScript &script)
{
    RunReport report;
    report.version = migration.version;
    report.name = migration.name;
    report.direction = QStringLiteral("up");
    report.dryRun = true;
    const SqlScript parsed = parseSqlScript(script.sql);
    if (!checkRunnable(migration, script, parsed, true, &report))
        return report;
    QList<CatalogObject> before, after;
    PgResult snap = takeCatalogSnapshot(m_connection, &before);
    const bool ran = snap.ok() && execStatements(script, parsed, &report);
    if (ran)
        snap = takeCatalogSnapshot(m_connection, &after);
    if (!snap.ok()) {
        report.message = QStringLiteral("could not read the catalog: %1").arg(snap.error().toString());
        return report;
    }
    if (ran) {
        report.ok = true;
        report.schemaChanges = diffSnapshots(before, after);
        report.message = QStringLiteral("dry run of %1: %2 statements ran and were rolled back; %3 schema changes")
                             .arg(script.fileName)
                             .arg(report.statements.size())
                             .arg(report.schemaChanges.size());
    }
    return report;
}

QList<const MigrationFile *> MigrationRunner::pendingUpTo(const MigrationCatalog &catalog, const StatusReport &current,
                                                          const QString &toVersion, bool includeOutOfOrder) const
{
    QList<const MigrationFile *> pending;
    QString newestRecorded;
    for (const MigrationStatusRow &row : current.rows) {
        if (row.recorded && (newestRecorded.isEmpty() || versionLess(newestRecorded, row.version)))
            newestRecorded = row.version;
    }
    for (const MigrationStatusRow &row : current.rows) {
        if (!toVersion.isEmpty() && versionLess(toVersion, row.version))
            break;
        const bool older = !newestRecorded.isEmpty() && versionLess(row.version, newestRecorded);
        const bool failedAndPending = row.state == MigrationState::Failed && !row.recorded;
        const bool wanted = (row.state == MigrationState::Pending || (failedAndPending && (!older || includeOutOfOrder))
                             || (row.state == MigrationState::OutOfOrder && includeOutOfOrder))
            && row.hasFile;
        if (wanted)
            pending.append(catalog.find(row.version));
    }
    return pending;
}

QList<RunReport> MigrationRunner::dryRunPending(const MigrationCatalog &catalog, const QString &toVersion)
{
    QList<RunReport> reports;
    const StatusReport current = status(catalog);
    if (!current.ok()) {
        RunReport report;
        report.message = QStringLiteral("could not read the migration history: %1").arg(current.error.toString());
        reports.append(report);
        return reports;
    }
    const PgResult begin = beginTransaction(false);
    if (!begin.ok()) {
        RunReport report;
        report.message = QStringLiteral("could not start the dry run: %1").arg(begin.error().toString());
        reports.append(report);
        return reports;
    }
    for (const MigrationFile *migration : pendingUpTo(catalog, current, toVersion, false)) {
        reports.append(previewInOpenTransaction(*migration, migration->up));
        if (!reports.last().ok)
            break;
    }
    m_connection.exec(QStringLiteral("ROLLBACK"));
    return reports;
}

QList<RunReport> MigrationRunner::applyPending(const MigrationCatalog &catalog, const QString &toVersion,
                                               bool includeOutOfOrder)
{
    QList<RunReport> reports;
    const auto failWith = [&reports](const QString &message) {
        RunReport report;
        report.direction = QStringLiteral("up");
        report.message = message;
        reports.append(report);
        return reports;
    };
    if (catalog.hasErrors()) {
        QStringList lines;
        for (const CatalogIssue &issue : catalog.errors())
            lines << issue.toString();
        return failWith(QStringLiteral("the migrations folder has errors; nothing was applied:\n%1").arg(lines.join('\n')));
    }
    if (!toVersion.isEmpty() && !catalog.find(toVersion))
        return failWith(QStringLiteral("no migration with version %1 in %2").arg(toVersion, catalog.folder));

    MigrationLock lock(m_connection, m_options.transactionPooled);
    const TransactionCloser closer(m_connection);
    if (!m_options.transactionPooled) {
        QString why;
        if (!lock.acquire(m_options.lockWaitMs, m_cancelled, &why)) {
            failWith(why);
            reports.last().cancelled = m_cancelled;
            reports.last().lockBusy = !m_cancelled;
            return reports;
        }
    }
    const StatusReport current = status(catalog);
    if (!current.ok())
        return failWith(QStringLiteral("could not read the migration history: %1").arg(current.error.toString()));

    for (const MigrationFile *migration : pendingUpTo(catalog, current, toVersion, includeOutOfOrder)) {
        if (m_cancelled) {
            RunReport stopped;
            stopped.version = migration->version;
            stopped.name = migration->name;
            stopped.direction = QStringLiteral("up");
            stopped.cancelled = true;
            stopped.message = QStringLiteral("cancelled: %1 and the migrations after it were not applied")
                                  .arg(migration->displayName());
            reports.append(stopped);
            break;
        }
        reports.append(run(*migration, Direction::Up, false, !m_options.transactionPooled));
        if (!reports.last().ok)
            break;
    }
    if (reports.isEmpty()) {
        RunReport report;
        report.ok = true;
        report.skipped = true;
        report.direction = QStringLiteral("up");
        int outOfOrder = 0;
        for (const MigrationStatusRow &row : current.rows)
            outOfOrder += row.state == MigrationState::OutOfOrder ? 1 : 0;
        report.message = outOfOrder > 0
            ? QStringLiteral("nothing to apply in order; %1 out-of-order migration(s) need --include-out-of-order").arg(outOfOrder)
            : QStringLiteral("nothing to apply: the database is up to date");
        reports.append(report);
    }
    return reports;
}

RunReport MigrationRunner::verify(const MigrationFile &migration)
{
    QElapsedTimer clock;
    clock.start();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    RunReport report;
    report.version = migration.version;
    report.name = migration.name;
    report.direction = QStringLiteral("verify");

    const PgResult begin = beginTransaction(true);
    if (!begin.ok()) {
        report.message = QStringLiteral("could not start the verify transaction: %1").arg(begin.error().toString());
        return report;
    }
    report.checks = migration.verify.exists() ? runVerifyScript(migration, &report) : runDerivedChecks(migration, &report);
    m_connection.exec(QStringLiteral("ROLLBACK"));
    report.durationMs = clock.elapsed();
    if (!report.message.isEmpty() && report.checks.isEmpty())
        return report;  // the script could not run at all

    if (report.checks.isEmpty()) {
        report.ok = true;
        report.skipped = true;
        report.message = QStringLiteral("%1: nothing to verify: it has no verify script and creates nothing a check "
                                        "can be derived from").arg(migration.displayName());
        report.warnings.append(QStringLiteral("write %1.verify.sql to check what this migration changes")
                                   .arg(migration.displayName()));
        return report;
    }
    report.ok = report.failedChecks() == 0;
    report.message = QStringLiteral("%1: %2 of %3 checks passed%4")
                         .arg(migration.displayName())
                         .arg(report.checks.size() - report.failedChecks())
                         .arg(report.checks.size())
                         .arg(migration.verify.exists() ? QString() : QStringLiteral(" (derived from the up file)"));
    // Verification is an action worth remembering; a read-only connection simply skips the record.
    PgResult setup = m_connection.exec(QStringLiteral("BEGIN"));
    if (setup.ok())
        setup = MigrationHistory::ensureTables(m_connection);
    if (setup.ok()) {
        audit(migration, migration.verify.exists() ? migration.verify : migration.up, report, startedAt, &report);
        m_connection.exec(QStringLiteral("COMMIT"));
    } else {
        m_connection.exec(QStringLiteral("ROLLBACK"));
        report.warnings.append(QStringLiteral("the audit row was not written: %1").arg(setup.error().toString()));
    }
    return report;
}

QList<CheckResult> MigrationRunner::runVerifyScript(const MigrationFile &migration, RunReport *report)
{
    QList<CheckResult> checks;
    const SqlScript parsed = parseSqlScript(migration.verify.sql);
    if (!parsed.isValid()) {
        report->message = parsed.syntaxError->located(migration.verify.fileName);
        return checks;
    }
    for (const SqlStatement &statement : parsed.statements) {
        if (statement.controlsTransaction) {
            // COMMIT would end the read-only transaction and let the rest of the script write.
            report->message = QStringLiteral("%1:%2:%3: a verify script must not control the transaction (%4)")
                                  .arg(migration.verify.fileName)
                                  .arg(statement.line)
                                  .arg(statement.column)
                                  .arg(statement.kind);
            return {};
        }
    }
    for (int i = 0; i < parsed.statements.size(); ++i) {
        const SqlStatement &statement = parsed.statements.at(i);
        const QString where = QStringLiteral("%1:%2").arg(migration.verify.fileName).arg(statement.line);
        m_connection.exec(QStringLiteral("SAVEPOINT atlas_verify"));
        const PgResult result = m_connection.exec(statement.text);
        if (!m_connection.inTransaction()) {
            report->message = QStringLiteral("%1: statement %2 ended the read-only transaction; verification stopped")
                                  .arg(where)
                                  .arg(i + 1);
            return {};
        }
        if (!result.ok()) {
            checks.append({QStringLiteral("%1: statement %2 runs").arg(where).arg(i + 1), false, result.error().toString()});
            m_connection.exec(QStringLiteral("ROLLBACK TO SAVEPOINT atlas_verify"));
            continue;
        }
        m_connection.exec(QStringLiteral("RELEASE SAVEPOINT atlas_verify"));
        const int name = result.columnIndex(QStringLiteral("check_name"));
        const int passed = result.columnIndex(QStringLiteral("passed"));
        const int detail = result.columnIndex(QStringLiteral("detail"));
        if (result.columnCount() == 0)
            continue;  // SET and the like
        if (name < 0 || passed < 0) {
            checks.append({QStringLiteral("%1: statement %2 returns checks").arg(where).arg(i + 1), false,
                           QStringLiteral("a verify query must return the columns check_name, passed (and detail)")});
            continue;
        }
        for (int r = 0; r < result.rowCount(); ++r)
            checks.append({result.value(r, name), result.value(r, passed) == QLatin1String("t"),
                           detail >= 0 ? result.value(r, detail) : QString()});
    }
    return checks;
}

QList<CheckResult> MigrationRunner::runDerivedChecks(const MigrationFile &migration, RunReport *report)
{
    QList<CheckResult> checks;
    const SqlScript parsed = parseSqlScript(migration.up.sql);
    if (!parsed.isValid()) {
        report->message = parsed.syntaxError->located(migration.up.fileName);
        return checks;
    }
    using Kind = DerivedCheck::Kind;
    for (const DerivedCheck &check : deriveChecks(parsed)) {
        QString sql;
        QStringList params{check.schema, check.table, check.object};
        switch (check.kind) {
        case Kind::TableExists:
        case Kind::ViewExists:
            sql = QStringLiteral("SELECT EXISTS (SELECT FROM information_schema.tables WHERE table_schema = $1 AND "
                                 "table_name = $2 AND $3::text IS NOT NULL)");
            break;
        case Kind::ColumnExists:
            sql = QStringLiteral("SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_schema = $1 AND "
                                 "table_name = $2 AND column_name = $3)");
            break;
        case Kind::IndexExists:
            sql = QStringLiteral("SELECT EXISTS (SELECT FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 AND "
                                 "indexname = $3)");
            break;
        case Kind::PolicyExists:
            sql = QStringLiteral("SELECT EXISTS (SELECT FROM pg_policies WHERE schemaname = $1 AND tablename = $2 AND "
                                 "policyname = $3)");
            break;
        case Kind::FunctionExists:
            sql = QStringLiteral("SELECT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                 "WHERE n.nspname = $1 AND $2::text IS NULL AND p.proname = $3)");
            params[1] = QString();
            break;
        case Kind::TriggerExists:
            sql = QStringLiteral("SELECT EXISTS (SELECT FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN "
                                 "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 "
                                 "AND t.tgname = $3 AND NOT t.tgisinternal)");
            break;
        case Kind::RowLevelSecurityEnabled:
            sql = QStringLiteral("SELECT coalesce((SELECT c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON "
                                 "n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND $3::text IS NULL), "
                                 "false)");
            params[2] = QString();
            break;
        case Kind::RowsReadable:
            sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1.%2 LIMIT 5) AS sample")
                      .arg(m_connection.quoteIdentifier(check.schema), m_connection.quoteIdentifier(check.table));
            params.clear();
            break;
        }
        m_connection.exec(QStringLiteral("SAVEPOINT atlas_verify"));
        const PgResult result = params.isEmpty() ? m_connection.exec(sql) : m_connection.execParams(sql, params);
        if (!result.ok()) {
            checks.append({check.name, false, result.error().toString()});
            m_connection.exec(QStringLiteral("ROLLBACK TO SAVEPOINT atlas_verify"));
            continue;
        }
        m_connection.exec(QStringLiteral("RELEASE SAVEPOINT atlas_verify"));
        if (check.kind == Kind::RowsReadable)
            checks.append({check.name, true, QStringLiteral("%1 sample rows read").arg(result.value(0, 0))});
        else
            checks.append({check.name, result.value(0, 0) == QLatin1String("t"), QString()});
    }
    return checks;
}
