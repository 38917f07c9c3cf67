#pragma once

#include "core/sqleditor/MetaCommand.h"
#include "core/run/RunReport.h"
#include "core/sqleditor/QueryResult.h"
#include "db/pg/PgConnection.h"

#include <QHash>
#include <QObject>
#include <QThread>

// The SQL editor's own connection on its own thread. A statement that returns rows is read
// through a server-side cursor a page at a time (memory stays bounded at any result size); every
// other statement runs and reports its tag and rows. Each run is a transaction of its own —
// READ ONLY when the settings say so, so that the server refuses writes — unless the user opened
// one (begin()), and statements that cannot run in a transaction run bare (never read-only).
// Methods run on the worker's thread (postTo); cancel() alone is called directly, from any thread.
class SqlEditorWorker : public QObject {
    Q_OBJECT
public:
    SqlEditorWorker();
    static SqlEditorWorker *startOnOwnThread();
    void stop();

    void openConnection(const QString &conninfo);
    void run(quint64 ticket, const QString &statement, int line, int column, const RunSettings &settings);
    // `count` rows of the open result from `offset` (0-based), again if they were read before.
    void fetchMore(quint64 ticket, qint64 offset, int count);
    void meta(quint64 ticket, const MetaCommand &command, const RunSettings &settings);
    // EXPLAIN (FORMAT JSON), with ANALYZE and BUFFERS when `analyze`: in a transaction that is
    // rolled back, so that a data-changing statement changes nothing.
    void explain(quint64 ticket, const QString &statement, bool analyze, const RunSettings &settings);
    // The statements in one transaction that is rolled back: rows per statement and the schema
    // difference (dryRunDone). `lines` are where each statement starts in the editor.
    void dryRun(quint64 ticket, const QStringList &statements, const QList<int> &lines);
    // The names the editor completes (completionsRead).
    void readCompletions();
    void begin(const RunSettings &settings);
    void commit();
    void rollback();
    void cancel();

signals:
    void opened(bool ok, const QString &error);
    void resultReady(const QueryResult &result);
    // The plan as JSON, or the error (its position into the statement as written).
    void explained(quint64 ticket, const QString &json, const DbError &error);
    void completionsRead(const QStringList &names);
    void dryRunDone(quint64 ticket, const RunReport &report);
    // The user's transaction opened or ended; `aborted`: a statement failed inside it.
    void transactionChanged(bool open, bool aborted, const QString &message);

private:
    void closeCursor();
    PgResult beginFor(const RunSettings &settings);
    void endAuto(bool ok, QueryResult *result);
    void takeRows(const PgResult &page, QueryResult *result);
    QStringList typeNames(const PgResult &result);
    QueryResult startResult(quint64 ticket, const QString &statement, int line, int column) const;

    PgConnection m_connection;
    QThread *m_thread = nullptr;
    bool m_userTransaction = false;
    bool m_autoTransaction = false;  // begun by a run and still open for its cursor
    quint64 m_cursorTicket = 0;
    QueryResult m_cursor;            // the open cursor's columns and counts
    QHash<quint32, QString> m_types;
};
