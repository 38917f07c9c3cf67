#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/run/RunReport.h"
#include "core/run/RunnerOptions.h"
#include "core/status/MigrationStatus.h"
#include "db/migrate/EngineSession.h"
#include "db/migrate/MigrationRepairer.h"

#include <atomic>
#include <memory>

class PgConnection;

// The migration engine, as its callers see it: status, apply, roll back, resume, dry run, verify
// and repair. Runs on one thread with one connection (a worker's, or the command line's); cancel()
// may be called from any other thread. The work is done by the parts in db/migrate/
// (MigrationApplier, MigrationPreview, MigrationVerifier, MigrationRepairer), which share this
// runner's EngineSession.
class MigrationRunner {
public:
    using ProgressHandler = EngineSession::ProgressHandler;
    using NoticeHandler = EngineSession::NoticeHandler;

    MigrationRunner(PgConnection &connection, RunnerOptions options = {});

    void setProgressHandler(ProgressHandler handler) { m_session.progress = std::move(handler); }
    void setNoticeHandler(NoticeHandler handler) { m_session.notice = std::move(handler); }
    void setOptions(const RunnerOptions &options);

    StatusReport status(const MigrationCatalog &catalog);
    // status() in two steps: the history (two or three queries whatever the folder's size), then
    // the comparison with the folder (one more query only when a file drifted).
    HistorySnapshot readHistory();
    StatusReport status(const MigrationCatalog &catalog, HistorySnapshot snapshot);

    // Refuses a migration that ran outside a transaction and failed part way (see resume()).
    // With `catalog` (the folder it comes from), an unrecorded migration whose objects the
    // database already has is refused (core/status/Presence), as applyPending refuses it.
    RunReport apply(const MigrationFile &migration, const MigrationCatalog *catalog = nullptr);
    // Runs such a migration on from the statement that failed (0-based, as the status's
    // resumeFrom says), then records it. Refused for any other statement or migration.
    RunReport resume(const MigrationFile &migration, int resumeFrom);
    // Also runs the down file of a migration that failed part way outside a transaction.
    RunReport rollback(const MigrationFile &migration);
    // Every pending migration in order up to `toVersion` (all when empty), under one lock; stops
    // at the first failure. Out-of-order migrations are applied only when `includeOutOfOrder`.
    QList<RunReport> applyPending(const MigrationCatalog &catalog, const QString &toVersion = QString(),
                                  bool includeOutOfOrder = false);

    // The script (or its rollback) in a transaction that is rolled back (MigrationPreview).
    RunReport dryRun(const MigrationFile &migration, bool down = false);
    // Every pending migration up to `toVersion`, in order, in one transaction rolled back.
    QList<RunReport> dryRunPending(const MigrationCatalog &catalog, const QString &toVersion = QString());
    // The verify script read-only, or checks derived from the up file (MigrationVerifier).
    RunReport verify(const MigrationFile &migration);
    // Marks it applied or reverted without running it (MigrationRepairer).
    RunReport repair(const QString &version, const MigrationFile *file, RepairStatus status, const QString &reason);

    // Asks the running operation to stop: its statement is cancelled through libpq and its
    // transaction rolled back. The request stays until resetCancel(), so a cancel that arrives
    // between two steps is not lost.
    void cancel();
    void resetCancel() { m_session.cancelled = false; }
    bool cancelRequested() const { return m_session.cancelled; }
    // The server process of the engine's current transaction (0 before the first); watchers on
    // other threads keep the cell and read it when they look.
    std::shared_ptr<const std::atomic<int>> backendPid() const { return m_session.backendPid; }

private:
    // Whether the database has what `scripts` need (core/preflight); if not, `report` says all that
    // is missing, with where, and that nothing ran.
    bool preflight(const QList<const MigrationScript *> &scripts, RunReport *report);
    // Whether a run up to `toVersion` meets no migration applied by hand (present, not recorded);
    // if it does, `report` says which and the way out.
    static bool nothingPresent(const MigrationCatalog &catalog, const QList<MigrationStatusRow> &rows, const QString &toVersion,
                               bool includeOutOfOrder, RunReport *report);
    // A report of `migration` for a refusal before anything runs.
    static RunReport reportFor(const MigrationFile &migration, RunDirection direction, bool dryRun);

    EngineSession m_session;
};
