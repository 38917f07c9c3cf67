#pragma once

#include "core/schema/SchemaCompare.h"
#include "core/schema/SchemaSource.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <array>
#include <memory>

class SchemaSourceReader;

// One schema comparison on a thread of its own: both sources read at once (a folder built in a
// shadow database on `shadowServer`), compared, both migrations generated. Cancel stops whatever
// it waits for; the job deletes itself when its thread ends.
class SchemaCompareJob : public QObject {
    Q_OBJECT
public:
    struct Side {
        SchemaSource source;
        QString conninfo;  // for a connection or a profile; may hold a password, never logged
    };

    static SchemaCompareJob *start(const Side &from, const Side &to, const QString &shadowServer, const SchemaScope &scope,
                                   const SchemaCompareOptions &options = {});
    void cancel();
    // Cancels and waits until the thread has ended (at most a few seconds: a shadow database is
    // dropped on the way out), for an owner going away.
    void cancelAndWait();

signals:
    // `error` empty on success (it names the side that failed otherwise).
    void finished(const SchemaCompareResult &result, const QString &error);

private:
    SchemaCompareJob() = default;
    std::array<std::shared_ptr<SchemaSourceReader>, 2> m_readers;
    QPointer<QThread> m_thread;
};
