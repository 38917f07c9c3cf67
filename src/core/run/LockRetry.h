#pragma once

#include <QList>
#include <QString>

// One attempt of a migration that could not get a table lock within lock_timeout (55P03), rolled
// back and tried again after a pause, as pgroll does: a short lock_timeout keeps the queue behind
// the migration short, and the retries give it more than one chance.
struct LockRetry {
    int attempt = 0;        // 1-based: the attempt that failed
    QString statement;      // "file.sql:24:1: ALTER TABLE public.daily_usage ..."
    QString heldBy;         // "pid 4242 (alice, psql, idle in transaction for 12 s): ACCESS SHARE on public.daily_usage"
    qint64 pauseMs = 0;     // before the next attempt

    // "attempt 1 of 4 could not lock in time at ...; held by ...; trying again in 730 ms"
    QString describe(int attempts) const;
};

// The SQLSTATE of lock_timeout running out.
inline bool isLockNotAvailable(const QString &sqlState) { return sqlState == QLatin1String("55P03"); }

// Exponential backoff with jitter: 500 ms doubled for each retry (1-based), at most 30 s, times a
// factor between 0.5 and 1.0 from `unit` in [0, 1), so that two consoles retrying do not meet again.
qint64 lockRetryPauseMs(int retry, double unit);
