#include "db/blockers/BlockerMonitor.h"

#include "db/blockers/BlockerQuery.h"
#include "db/workers/WorkerThread.h"

#include <QTimer>

BlockerMonitor::BlockerMonitor()
{
    qRegisterMetaType<QList<BlockingSession>>();
    qRegisterMetaType<EnginePidCell>();
}

BlockerMonitor *BlockerMonitor::startOnOwnThread()
{
    auto *monitor = new BlockerMonitor;
    monitor->m_thread = WorkerThread::start(monitor, QStringLiteral("atlas-blocker-monitor"));
    return monitor;
}

void BlockerMonitor::stop()
{
    m_connection.cancel();
    WorkerThread::stop(m_thread);
}

void BlockerMonitor::setConnection(const QString &conninfo)
{
    if (conninfo == m_conninfo && m_connection.isOpen())
        return;
    m_conninfo = conninfo;
    m_connection.close();
}

QString BlockerMonitor::ensureConnected()
{
    if (m_connection.isOpen())
        return QString();
    return m_connection.open(m_conninfo, QStringLiteral("atlas-console-blockers"));
}

void BlockerMonitor::setEnginePid(const EnginePidCell &cell)
{
    m_enginePid = cell;
}

void BlockerMonitor::watch(int intervalMs)
{
    const auto look = [this] {
        const int pid = m_enginePid ? m_enginePid->load() : 0;
        if (pid > 0)
            read(pid);
    };
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, look);
    }
    m_timer->start(intervalMs);
    look();
}

void BlockerMonitor::unwatch()
{
    if (m_timer)
        m_timer->stop();
}

void BlockerMonitor::readOnce(int waitingPid)
{
    read(waitingPid);
}

void BlockerMonitor::read(int waitingPid)
{
    const QString failure = ensureConnected();
    if (!failure.isEmpty()) {
        emit blockersRead(waitingPid, {}, QStringLiteral("cannot connect to look for blockers: %1").arg(failure));
        return;
    }
    QList<BlockingSession> blockers;
    const PgResult result = BlockerQuery::read(m_connection, waitingPid, &blockers);
    emit blockersRead(waitingPid, blockers, result.ok() ? QString() : result.error().toString());
}

void BlockerMonitor::signalBackend(int pid, bool terminate)
{
    const QString failure = ensureConnected();
    if (!failure.isEmpty()) {
        emit backendSignalled(pid, terminate, false, QStringLiteral("cannot connect: %1").arg(failure));
        return;
    }
    QString message;
    const bool ok = BlockerQuery::signal(m_connection, pid, terminate, &message);
    emit backendSignalled(pid, terminate, ok, message);
}
