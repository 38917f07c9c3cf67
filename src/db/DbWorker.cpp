#include "db/DbWorker.h"

#include "db/ServerProbe.h"

DbWorker::DbWorker()
{
    qRegisterMetaType<ServerInfo>();
    qRegisterMetaType<ConnectionProblem>();
}

DbWorker::~DbWorker() = default;

DbWorker *DbWorker::startOnOwnThread()
{
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("atlas-db-worker"));
    auto *worker = new DbWorker;
    worker->m_thread = thread;
    worker->moveToThread(thread);
    QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return worker;
}

void DbWorker::stop()
{
    QThread *thread = m_thread;
    cancel();
    // The worker (and with it the connection) is deleted on its own thread once the loop ends.
    thread->quit();
    thread->wait();
}

void DbWorker::openConnection(const QString &conninfo)
{
    const QString failure = m_connection.open(conninfo);
    if (!failure.isEmpty()) {
        emit connectionFailed(classifyConnectionProblem(failure));
        return;
    }
    ServerInfo info;
    const PgResult probe = probeServer(m_connection, &info);
    if (!probe.ok()) {
        ConnectionProblem problem = classifyConnectionProblem(probe.error().message);
        problem.summary = QStringLiteral("Connected, but reading the server's details failed: %1")
                              .arg(probe.error().toString());
        m_connection.close();
        emit connectionFailed(problem);
        return;
    }
    emit connected(info);
}

void DbWorker::closeConnection()
{
    if (m_connection.isOpen()) {
        m_connection.close();
        emit disconnected();
    }
}

void DbWorker::cancel() { m_connection.cancel(); }
