#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <thread>

// Watches, on a connection of its own, whether the engine's session waits for a lock, and says
// who holds it: pid, user, application, state, since when, and the query. It looks once a second
// while the engine works, and reports each blocker once. From pg_blocking_pids().
class BlockerWatch {
public:
    using Report = std::function<void(const QString &line)>;

    // `conninfo` connects like the engine; `enginePid` is the engine session's backend pid.
    BlockerWatch(const QString &conninfo, int enginePid, Report report);
    ~BlockerWatch();  // stops watching

    static QString describeBlockers(class PgConnection &connection, int pid, QStringList *seen);

private:
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};
