#pragma once

#include "core/browse/BrowseTypes.h"
#include "db/pg/PgConnection.h"

#include <QObject>
#include <QThread>

// The browser's own connection on its own thread, so that browsing never waits behind a migration
// (nor a migration behind a slow page). Every answer carries the ticket of its request; the model
// drops answers to requests it has since replaced. cancel() is safe from the GUI thread.
class BrowseWorker : public QObject {
    Q_OBJECT
public:
    BrowseWorker();
    static BrowseWorker *startOnOwnThread();
    void stop();

public:
    // On the worker's thread: queue them with postTo(worker, ...) (db/workers/WorkerCall.h);
    // cancel() alone is called directly, from any thread.
    void openConnection(const QString &conninfo);
    void listRelations();
    void describe(const QString &schema, const QString &table);
    void fetchPage(quint64 ticket, const BrowseRequest &request, PageAnchor anchor, const QStringList &boundary,
                   const ViewAs &viewAs);
    void count(quint64 ticket, const BrowseRequest &request, const ViewAs &viewAs);
    // An auth.users row by id or e-mail, for "view as".
    void resolveUser(const QString &idOrEmail);
    void usageByDay(quint64 ticket, const BrowseRequest &request, const ViewAs &viewAs, int days);
    void exportCsv(quint64 ticket, const BrowseRequest &request, const ViewAs &viewAs, const QString &path);
    void cancel();

signals:
    void opened(bool ok, const QString &error);
    void relationsListed(const QList<RelationInfo> &relations, const QString &error);
    void described(const QString &schema, const QString &table, const RelationStructure &structure, const QString &error);
    void pageFetched(quint64 ticket, const BrowsePage &page);
    void counted(quint64 ticket, qint64 rows, const QString &error);
    void exportProgressed(quint64 ticket, qint64 rows, qint64 bytes);
    void exportFinished(quint64 ticket, bool ok, qint64 rows, const QString &message);
    void usageRead(quint64 ticket, const QList<UsagePoint> &points, const QString &error);
    void userResolved(const QString &query, const QString &id, const QString &email, const QString &error);

private:
    BrowseSpec spec(const BrowseRequest &request);

    PgConnection m_connection;
    QThread *m_thread = nullptr;
};
