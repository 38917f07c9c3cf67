#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

// Watches, on a connection of its own, whether the engine's session waits for a lock, and says
// who holds it: pid, user, application, state, since when, and the query. It looks once a second
// while the engine works, and reports each blocker once. From pg_blocking_pids(). It connects
// only after the first second, so a migration that finishes sooner costs no second session.
class BlockerWatch {
public:
    using Report = std::function<void(const QString &line)>;

    // `conninfo` connects like the engine; `enginePid` is the engine's backend pid as the runner
    // publishes it (MigrationRunner::backendPid()), read at each look; 0: not yet, nothing to say.
    BlockerWatch(const QString &conninfo, std::shared_ptr<const std::atomic<int>> enginePid, Report report);
    ~BlockerWatch();  // stops watching

    static QString describeBlockers(class PgConnection &connection, int pid, QStringList *seen);

private:
    // Waits up to `ms` for stop(); true when stopped.
    bool stopWithin(int ms);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};
