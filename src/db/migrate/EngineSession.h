#pragma once

#include "core/run/RunReport.h"
#include "core/run/RunnerOptions.h"
#include "db/pg/Transaction.h"

#include <atomic>
#include <functional>
#include <memory>

class MigrationLock;
class PgConnection;

// What the parts of the migration engine share while one of them runs: the connection and the
// options, the cancel request (set from any thread), where progress and notices go, and the
// backend pid watchers follow. One per MigrationRunner; the parts borrow it.
struct EngineSession {
    using ProgressHandler = std::function<void(int index, int count, const QString &statement)>;
    using NoticeHandler = std::function<void(const QString &notice)>;

    EngineSession(PgConnection &connection, RunnerOptions options);

    PgConnection &connection;
    RunnerOptions options;
    std::atomic<bool> cancelled{false};
    ProgressHandler progress;
    NoticeHandler notice;
    // The server process of the engine's current transaction (0 before the first): behind a
    // transaction pooler it changes from one transaction to the next.
    std::shared_ptr<std::atomic<int>> backendPid = std::make_shared<std::atomic<int>>(0);

    // Begins `transaction` with the migration's lock_timeout and statement_timeout set for it
    // alone, and publishes its backend pid; on failure nothing stays open.
    PgResult begin(Transaction &transaction, Transaction::Access access = Transaction::Access::ReadWrite);
    // Takes the migration lock (the session's, or the open transaction's behind a pooler); false
    // when another session keeps it or the wait was cancelled, with the report saying which.
    bool takeLock(MigrationLock &lock, RunReport *report);
    // The lock (unless held already, or per transaction), then the history tables, created once
    // in a transaction of their own (the migration's may fail).
    bool lockAndPrepareHistory(MigrationLock &lock, bool lockHeld, RunReport *report);
    bool connectionLost() const;
    // The migration's lock_timeout and statement_timeout again, after a statement of the file
    // changed them: for the open transaction, or for the session when none is open.
    PgResult reapplyLimits();
    // The session as the connection began it (RESET ALL): after a migration that changed it.
    PgResult resetSession();
};
