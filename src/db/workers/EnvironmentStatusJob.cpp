#include "db/workers/EnvironmentStatusJob.h"

#include "core/connection/ConnectionProblem.h"
#include "db/pg/PgConnection.h"

#include <QPointer>
#include <QThread>
#include <QTimer>

#include <atomic>

EnvironmentStatusJob *EnvironmentStatusJob::start(const QString &key, const QString &conninfo,
                                                  const MigrationCatalog &catalog, int timeoutMs)
{
    auto *job = new EnvironmentStatusJob;
    job->m_connection = std::make_shared<PgConnection>();
    auto connection = job->m_connection;
    auto answered = std::make_shared<std::atomic<bool>>(false);
    QPointer<EnvironmentStatusJob> guard(job);
    const auto report = [guard, key, answered](const StatusReport &status, const QString &error) {
        if (answered->exchange(true))
            return;  // the timeout answered first
        QMetaObject::invokeMethod(guard.data(), [guard, key, status, error] {
            if (guard)
                emit guard->finished(key, status, error);
        }, Qt::QueuedConnection);
    };
    QThread *thread = QThread::create([connection, conninfo, catalog, timeoutMs, report] {
        const int seconds = qMax(1, (timeoutMs + 999) / 1000);
        const QString failure = connection->open(conninfo + QStringLiteral(" connect_timeout=%1").arg(seconds),
                                                 QStringLiteral("atlas-console-matrix"));
        if (!failure.isEmpty()) {
            const ConnectionProblem problem = classifyConnectionProblem(failure);
            report({}, QStringLiteral("%1 (%2)").arg(problem.summary, connectionProblemKindName(problem.kind)));
            return;
        }
        MigrationRunner runner(*connection);
        const StatusReport status = runner.status(catalog);
        report(status, status.ok() ? QString() : status.error.toString());
    });
    thread->setObjectName(QStringLiteral("atlas-matrix-") + key);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, job, &QObject::deleteLater);
    // The time limit: answer "timeout" and cancel whatever the thread still waits for.
    QTimer::singleShot(timeoutMs, job, [job, report, timeoutMs] {
        report({}, QStringLiteral("no answer within %1 s (timeout)").arg(timeoutMs / 1000.0, 0, 'f', 1));
        job->cancel();
    });
    thread->start();
    return job;
}

void EnvironmentStatusJob::cancel()
{
    m_connection->cancel();
}
