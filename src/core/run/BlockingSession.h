#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// A session that holds a lock another session waits for, as pg_stat_activity, pg_locks and
// pg_blocking_pids() describe it.
struct BlockingSession {
    int pid = 0;             // the blocker
    int waitingPid = 0;      // the session it blocks
    QString user;
    QString application;
    QString state;           // "active", "idle in transaction", ...
    QString query;           // its current or last query
    qint64 heldForMs = -1;   // since its transaction (or query) began; -1 when unknown
    QString holds;           // "AccessShareLock on public.daily_usage"; empty for row locks
    QString wants;           // what the waiting session asks for, likewise
    bool canSignal = false;  // whether the current role may cancel or terminate it

    // "pid 4242 (user postgres, application psql, active for 00:00:07) holds AccessShareLock on
    // public.daily_usage: SELECT ..." on one line, the query shortened to `queryChars`.
    QString describe(int queryChars = 100) const;
};
Q_DECLARE_METATYPE(BlockingSession)
Q_DECLARE_METATYPE(QList<BlockingSession>)

// "00:00:07", "1:02:03:04" (days first when over a day); "?" for a negative duration.
QString formatDuration(qint64 ms);
