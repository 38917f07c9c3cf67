#pragma once

#include <QMetaObject>

#include <utility>

// Queues `call(*worker)` to run on the worker's thread. Typed: a misspelt member or a wrong
// argument fails to compile, where invokeMethod(worker, "name", ...) fails at run time only.
template <typename Worker, typename Call>
void postTo(Worker *worker, Call call)
{
    QMetaObject::invokeMethod(worker, [worker, call = std::move(call)] { call(*worker); }, Qt::QueuedConnection);
}
