#pragma once

#include "core/ConnectionProblem.h"
#include "core/ServerInfo.h"
#include "db/PgConnection.h"

#include <QObject>
#include <QThread>

Q_DECLARE_METATYPE(ConnectionProblem)

// Owns the console's connection and does all its database work on a thread of its own. Requests
// arrive as queued slot calls; answers leave as signals. cancel() is called directly from the GUI
// thread (Qt::DirectConnection) so that it never waits behind the query it cancels.
class DbWorker : public QObject {
    Q_OBJECT
public:
    DbWorker();
    ~DbWorker() override;

    // Starts the worker's thread; the worker is deleted when the thread ends (see stop()).
    static DbWorker *startOnOwnThread();
    // Cancels what runs, ends the thread and waits for it. Call from the thread that started it.
    void stop();

public slots:
    void openConnection(const QString &conninfo);
    void closeConnection();
    void cancel();

signals:
    void connected(const ServerInfo &info);
    void connectionFailed(const ConnectionProblem &problem);
    void disconnected();

private:
    PgConnection m_connection;
    QThread *m_thread = nullptr;
};
