#pragma once

#include "db/pg/PgResult.h"

#include <QString>

#include <atomic>

class PgConnection;

// The advisory lock that keeps two consoles (or a console and a CI job) from migrating the same
// database at once. Session-scoped on a direct connection; transaction-scoped behind a transaction
// pooler, where a session lock could stay behind on a server connection someone else gets next.
class MigrationLock {
public:
    // 'ATLASCON' as a bigint; pg_locks shows it as classid 1096043585, objid 1396920142.
    static constexpr qint64 kKey = 0x41544C4153434F4ELL;

    MigrationLock(PgConnection &connection, bool transactionScoped);
    ~MigrationLock();  // releases a session lock still held

    // Polls until the lock is taken, `waitMs` passes, or `cancelled` turns true. On failure
    // `*why` says who holds the lock (pid, user, application, since when) or what went wrong.
    bool acquire(int waitMs, const std::atomic<bool> &cancelled, QString *why);
    void release();

    // "pid 4242 (user postgres, application atlas-console, running since 12:01:07)" or empty.
    static QString describeHolder(PgConnection &connection);

private:
    PgConnection &m_connection;
    bool m_transactionScoped = false;
    bool m_held = false;
};
