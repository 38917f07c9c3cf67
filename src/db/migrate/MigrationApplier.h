#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/run/RunReport.h"
#include "core/status/AuditRow.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <optional>

struct EngineSession;
class MigrationLock;
class Transaction;

// Apply, roll back and resume of one migration, under the migration lock.
//
// A migration runs in one transaction together with its history row, with lock_timeout and
// statement_timeout set locally; a failure or a cancel rolls all of it back and then records the
// failed attempt in the audit. A file marked "-- atlas:no-transaction" with a statement that needs
// it runs statement by statement instead: each statement commits on its own, a journal row says
// how far it got, and a migration that failed part way can only be resumed where it stopped or
// undone by its down file.
class MigrationApplier {
public:
    explicit MigrationApplier(EngineSession &session);

    // `lockHeld`: the caller holds the session's migration lock already (applyPending).
    // `resumeFrom` > 0: go on from that statement (0-based) of a half-done up file.
    RunReport run(const MigrationFile &migration, RunDirection direction, bool lockHeld, int resumeFrom = 0);

    // The statement (0-based) where the last up attempt of a statement-by-statement file stopped
    // part way, or 0; `last` gets that attempt. A later down or repair makes it 0.
    static int resumeFromOf(EngineSession &session, const MigrationFile &migration, std::optional<AuditRow> *last);

private:
    struct Attempt;
    // Why the run stops before any statement, or nothing: already applied, not applied, a resume
    // that is not where the last attempt stopped, or a half-done file applied from the start.
    bool refused(Attempt &attempt, bool isApplied, int resumeFromNow, const std::optional<AuditRow> &last, int resumeFrom);
    void runAtomic(Attempt &attempt, Transaction &transaction);
    // runAtomic, tried again (options.lockRetries times at most, after a growing pause with jitter)
    // when a statement runs out of lock_timeout: each failed try rolled back and audited.
    void runAtomicRetrying(Attempt &attempt, Transaction &transaction, MigrationLock &lock, bool lockHeld);
    void runStatementByStatement(Attempt &attempt, int resumeFrom);
    AuditRow auditRow(const Attempt &attempt) const;
    // Who holds locks on the tables of the statement that ran out of lock_timeout, in words.
    QString holdersOfFailed(const Attempt &attempt) const;

    EngineSession &m_session;
};
