#include "db/workers/SchemaCompareJob.h"

#include "db/schema/SchemaSourceReader.h"

#include <QPointer>
#include <QThread>

#include <future>

SchemaCompareJob *SchemaCompareJob::start(const Side &from, const Side &to, const QString &shadowServer, const SchemaScope &scope,
                                          const SchemaCompareOptions &options)
{
    auto *job = new SchemaCompareJob;
    job->m_readers = {std::make_shared<SchemaSourceReader>(shadowServer), std::make_shared<SchemaSourceReader>(shadowServer)};
    const auto readers = job->m_readers;
    QPointer<SchemaCompareJob> guard(job);
    QThread *thread = QThread::create([guard, readers, from, to, scope, options] {
        std::future<SchemaRead> fromRead = std::async(std::launch::async, [&] { return readers[0]->read(from.source, from.conninfo, scope); });
        SchemaRead toRead = readers[1]->read(to.source, to.conninfo, scope);
        SchemaRead fromResult = fromRead.get();
        SchemaCompareResult result;
        QString error;
        if (!fromResult.ok())
            error = QStringLiteral("From %1: %2").arg(from.source.describe(), fromResult.error);
        else if (!toRead.ok())
            error = QStringLiteral("To %1: %2").arg(to.source.describe(), toRead.error);
        else
            result = compareSchemaModels(std::move(fromResult.model), std::move(toRead.model), options);
        QMetaObject::invokeMethod(guard.data(), [guard, result = std::move(result), error] {
            if (guard)
                emit guard->finished(result, error);
        }, Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("atlas-compare"));
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, job, &QObject::deleteLater);
    job->m_thread = thread;
    thread->start();
    return job;
}

void SchemaCompareJob::cancel()
{
    for (const auto &reader : m_readers)
        reader->cancel();
}

void SchemaCompareJob::cancelAndWait()
{
    cancel();
    if (m_thread)
        m_thread->wait(10000);
}
