#pragma once

#include <QObject>
#include <QString>
#include <QThread>

// The one way the console's workers get a thread of their own: the worker moves to a new thread,
// and both are deleted once the thread's event loop ends.
namespace WorkerThread {

inline QThread *start(QObject *worker, const QString &name)
{
    auto *thread = new QThread;
    thread->setObjectName(name);
    worker->moveToThread(thread);
    QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return thread;
}

// Ends the loop and waits; the worker is deleted on its own thread as the loop ends.
inline void stop(QThread *thread)
{
    thread->quit();
    thread->wait();
}

}  // namespace WorkerThread
