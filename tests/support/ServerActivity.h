#pragma once

#include "db/pg/PgConnection.h"

#include <QDeadlineTimer>
#include <QString>

#include <thread>

// What the server says its sessions are doing, watched from a connection of the test's own: a
// test waits until a statement is really running (or really waiting for a lock) before it
// cancels, kills or blocks it, instead of sleeping and hoping.
namespace ServerActivity {

// The pid of a session of `conninfo`'s database whose running query starts with `prefix`, once
// there is one, or 0 when `timeoutMs` passes first.
inline int waitForQuery(const QString &conninfo, const QString &prefix, int timeoutMs = 15000)
{
    PgConnection observer;
    if (!observer.open(conninfo, QStringLiteral("atlas-test-observer")).isEmpty())
        return 0;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const PgResult r = observer.execParams(
            QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                           "AND state = 'active' AND starts_with(query, $1) LIMIT 1"),
            {prefix});
        if (r.ok() && r.rowCount() == 1)
            return r.value(0, 0).toInt();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
}

// Whether a session of `conninfo`'s database waits for a lock (any session but the observer's),
// once one does; false when `timeoutMs` passes first.
inline bool waitForLockWait(const QString &conninfo, int timeoutMs = 15000)
{
    PgConnection observer;
    if (!observer.open(conninfo, QStringLiteral("atlas-test-observer")).isEmpty())
        return false;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const PgResult r = observer.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                                        "AND wait_event_type = 'Lock'"));
        if (r.ok() && r.value(0, 0).toInt() > 0)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace ServerActivity
