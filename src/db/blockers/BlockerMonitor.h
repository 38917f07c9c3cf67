#pragma once

#include "core/run/BlockingSession.h"
#include "db/pg/PgConnection.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

// The engine's backend pid as MigrationRunner::backendPid() publishes it.
using EnginePidCell = std::shared_ptr<const std::atomic<int>>;
Q_DECLARE_METATYPE(EnginePidCell)

class QTimer;

// The blocking view's own connection on its own thread: the engine's session is busy waiting for
// the very lock this looks into. While watching, it reads the blockers twice a second; on demand,
// once. Cancel and terminate go through the same connection.
class BlockerMonitor : public QObject {
    Q_OBJECT
public:
    BlockerMonitor();
    static BlockerMonitor *startOnOwnThread();
    void stop();

public:
    // On the monitor's thread: queue them with postTo(monitor, ...) (db/workers/WorkerCall.h).
    // Where to look; connects on first use. Called again with other settings, it reconnects.
    void setConnection(const QString &conninfo);
    // Whose blockers watch() reads: the engine's backend as it is at each look.
    void setEnginePid(const EnginePidCell &cell);
    // Reads the blockers of the engine's session every `intervalMs` until unwatch(); the first
    // read happens at once. Nothing is read while the engine has no transaction yet.
    void watch(int intervalMs);
    void unwatch();
    void readOnce(int waitingPid);
    void signalBackend(int pid, bool terminate);

signals:
    // `watching` tells a periodic read from a one-off; `error` is empty on success.
    void blockersRead(int waitingPid, const QList<BlockingSession> &blockers, const QString &error);
    void backendSignalled(int pid, bool terminate, bool ok, const QString &message);

private:
    // Opens the connection when needed; returns the failure, empty when connected.
    QString ensureConnected();
    void read(int waitingPid);

    PgConnection m_connection;
    QString m_conninfo;
    QTimer *m_timer = nullptr;  // created on the monitor's thread
    EnginePidCell m_enginePid;
    QThread *m_thread = nullptr;
};
