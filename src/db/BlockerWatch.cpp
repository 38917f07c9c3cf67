#include "db/BlockerWatch.h"

#include "db/PgConnection.h"

#include <chrono>

BlockerWatch::BlockerWatch(const QString &conninfo, int enginePid, Report report)
{
    m_thread = std::thread([this, conninfo, enginePid, report] {
        if (stopWithin(1000))
            return;
        PgConnection watcher;
        if (!watcher.open(conninfo, QStringLiteral("atlas-console-blocker-watch")).isEmpty())
            return;
        QStringList seen;
        do {
            const QString lines = describeBlockers(watcher, enginePid, &seen);
            if (!lines.isEmpty())
                report(lines);
        } while (!stopWithin(1000));
    });
}

BlockerWatch::~BlockerWatch()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool BlockerWatch::stopWithin(int ms)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop; });
}

QString BlockerWatch::describeBlockers(PgConnection &connection, int pid, QStringList *seen)
{
    // Superusers and pg_read_all_stats see every column; others see the pid at least.
    const PgResult result = connection.execParams(
        QStringLiteral("SELECT b.pid, coalesce(b.usename::text, '?'), coalesce(nullif(b.application_name, ''), '?'), "
                       "coalesce(b.state, '?'), coalesce(to_char(now() - coalesce(b.xact_start, b.query_start), 'HH24:MI:SS'), '?'), "
                       "left(regexp_replace(coalesce(b.query, ''), '\\s+', ' ', 'g'), 100) "
                       "FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids($1::int)) ORDER BY b.pid"),
        {QString::number(pid)});
    QStringList lines;
    for (int r = 0; r < result.rowCount(); ++r) {
        const QString key = result.value(r, 0);
        if (seen->contains(key))
            continue;
        seen->append(key);
        lines << QStringLiteral("waiting for a lock held by pid %1 (user %2, application %3, %4 for %5): %6")
                     .arg(key, result.value(r, 1), result.value(r, 2), result.value(r, 3), result.value(r, 4), result.value(r, 5));
    }
    return lines.join(QLatin1Char('\n'));
}
