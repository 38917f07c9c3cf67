#include "db/blockers/BlockerWatch.h"

#include "db/blockers/BlockerQuery.h"
#include "db/pg/PgConnection.h"

#include <chrono>

BlockerWatch::BlockerWatch(const QString &conninfo, std::shared_ptr<const std::atomic<int>> enginePid, Report report)
{
    m_thread = std::thread([this, conninfo, enginePid, report] {
        if (stopWithin(1000))
            return;
        PgConnection watcher;
        if (!watcher.open(conninfo, QStringLiteral("atlas-console-blocker-watch")).isEmpty())
            return;
        QStringList seen;
        do {
            const int pid = enginePid->load();
            const QString lines = pid > 0 ? describeBlockers(watcher, pid, &seen) : QString();
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
    QList<BlockingSession> blockers;
    BlockerQuery::read(connection, pid, &blockers);
    QStringList lines;
    for (const BlockingSession &blocker : blockers) {
        const QString key = QString::number(blocker.pid);
        if (seen->contains(key))
            continue;
        seen->append(key);
        lines << QStringLiteral("waiting for a lock held by ") + blocker.describe();
    }
    return lines.join(QLatin1Char('\n'));
}
