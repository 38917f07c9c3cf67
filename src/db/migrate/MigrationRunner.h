#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/status/MigrationStatus.h"
#include "core/run/RunReport.h"
#include "core/sql/SqlScript.h"
#include "db/pg/PgResult.h"

#include <atomic>
#include <functional>
#include <memory>

class MigrationLock;
class PgConnection;

// What `repair` records a migration as, without running it.
enum class RepairStatus { Applied, Reverted };

struct RunnerOptions {
    QString lockTimeout = QStringLiteral("4s");         // SET LOCAL for the migration's statements
    QString statementTimeout = QStringLiteral("15min"); // likewise; "0" turns it off
    int lockWaitMs = 30000;            // how long to wait for another console's migration lock
    bool transactionPooled = false;    // behind a transaction pooler: transaction-scoped lock
    QString actor;                     // who runs it, for the audit: "alice@laptop"
};

// What the database says of its migrations, read before the folder is needed, so that a caller
// can read the folder while the query runs.
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

// The migration engine. Runs on one thread with one connection (a worker's, or the command
// line's); cancel() may be called from any other thread.
//
// Apply: each migration in one transaction together with its history rows, under the advisory
// lock, with lock_timeout and statement_timeout set locally; a failure or a cancel rolls back the
// whole migration and then records the failed attempt in the audit table. Files marked
// "-- atlas:no-transaction" run statement by statement instead, and say they are not atomic.
class MigrationRunner {
public:
    using ProgressHandler = std::function<void(int index, int count, const QString &statement)>;
    using NoticeHandler = std::function<void(const QString &notice)>;

    MigrationRunner(PgConnection &connection, RunnerOptions options = {});

    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }
    void setNoticeHandler(NoticeHandler handler) { m_noticeHandler = std::move(handler); }

    StatusReport status(const MigrationCatalog &catalog);
    // status() in two steps: the history (two or three queries whatever the folder's size), then
    // the comparison with the folder (one more query only when a file drifted).
    HistorySnapshot readHistory();
    StatusReport status(const MigrationCatalog &catalog, HistorySnapshot snapshot);

    // Refuses a migration that ran outside a transaction and failed part way (see resume()).
    RunReport apply(const MigrationFile &migration);
    // Runs such a migration on from the statement that failed (0-based, as the status's
    // resumeFrom says), then records it. Refused for any other statement or migration.
    RunReport resume(const MigrationFile &migration, int fromStatement);
    // Also runs the down file of a migration that failed part way outside a transaction.
    RunReport rollback(const MigrationFile &migration);
    // Runs the script (or its rollback) in a transaction that is rolled back; reports the catalog
    // difference and the rows each statement affected. Takes no lock and writes nothing.
    RunReport dryRun(const MigrationFile &migration, bool down = false);
    // Previews every pending migration up to `toVersion` in order, in one transaction that is
    // rolled back, so that each sees the effect of the ones before it. One report per migration.
    QList<RunReport> dryRunPending(const MigrationCatalog &catalog, const QString &toVersion = QString());
    // Runs the verify script read-only, or checks derived from the up file when there is none.
    RunReport verify(const MigrationFile &migration);

    // Every pending migration in order up to `toVersion` (all when empty), under one lock;
    // stops at the first failure. Out-of-order migrations are applied only when `includeOutOfOrder`.
    QList<RunReport> applyPending(const MigrationCatalog &catalog, const QString &toVersion = QString(),
                                  bool includeOutOfOrder = false);

    // What `supabase migration repair --status applied|reverted` does, guarded: under the lock,
    // in one transaction with an audit row that says who and why. Applied needs the file (its
    // statements are recorded, replacing any recorded before); reverted works on a missing file.
    // Asking first (the diff, the verify checks, the production guard) is the caller's part.
    RunReport repair(const QString &version, const MigrationFile *file, RepairStatus status, const QString &reason);

    // Asks the running operation to stop: its statement is cancelled through libpq and its
    // transaction rolled back. The request stays until resetCancel(), so a cancel that arrives
    // between two steps is not lost.
    void cancel();
    void resetCancel() { m_cancelled = false; }
    bool cancelRequested() const { return m_cancelled; }
    void setOptions(const RunnerOptions &options);
    // The server process of the engine's current transaction (0 before the first): behind a
    // transaction pooler it changes from one transaction to the next. Watchers on other threads
    // keep the cell and read it when they look.
    std::shared_ptr<const std::atomic<int>> backendPid() const { return m_backendPid; }

private:
    enum class Direction { Up, Down };
    // The statement (0-based) where its last up attempt stopped part way, or 0; `last` gets that
    // attempt. A later down or repair makes it 0.
    int halfDoneAt(const MigrationFile &migration, AuditEntry *last);
    // Takes the migration lock (the session's, or the open transaction's behind a pooler); false
    // when another session keeps it or the wait was cancelled, with the report saying which.
    bool takeMigrationLock(MigrationLock &lock, RunReport *report);
    // The lock (unless held or per transaction), then the history tables, created once.
    bool lockAndPrepareHistory(MigrationLock &lock, bool lockHeld, RunReport *report);
    // startAt: resume a non-transactional up file from that statement (0-based).
    RunReport run(const MigrationFile &migration, Direction direction, bool dryRun, bool lockHeld, int startAt = 0);
    bool checkRunnable(const MigrationFile &migration, const MigrationScript &script, const SqlScript &parsed,
                       bool dryRun, RunReport *report);
    bool execStatements(const MigrationScript &script, const SqlScript &parsed, RunReport *report, int startAt = 0);
    void fail(RunReport *report, const MigrationScript &script, const SqlStatement &statement, int count,
              const DbError &error);
    // Writes the audit row; inside an open transaction under a savepoint, so that a failed audit
    // insert never takes the migration down with it.
    void audit(const MigrationFile &migration, const MigrationScript &script, const RunReport &report,
               const QDateTime &startedAt, RunReport *warningsTo);
    QList<CheckResult> runVerifyScript(const MigrationFile &migration, RunReport *report);
    QList<CheckResult> runDerivedChecks(const MigrationFile &migration, RunReport *report);
    // BEGIN (READ ONLY) with lock_timeout and statement_timeout set for the transaction only;
    // on failure the transaction is rolled back and the error returned.
    PgResult beginTransaction(bool readOnly);
    QList<const MigrationFile *> pendingUpTo(const MigrationCatalog &catalog, const StatusReport &current,
                                             const QString &toVersion, bool includeOutOfOrder) const;
    RunReport previewInOpenTransaction(const MigrationFile &migration, const MigrationScript &script);

    PgConnection &m_connection;
    RunnerOptions m_options;
    ProgressHandler m_progress;
    NoticeHandler m_noticeHandler;
    std::atomic<bool> m_cancelled{false};
    qint64 m_journalId = -1;  // the audit row a statement-by-statement run moves on (see run())
    std::shared_ptr<std::atomic<int>> m_backendPid = std::make_shared<std::atomic<int>>(0);
};
