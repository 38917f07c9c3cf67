#include "db/browse/BrowseWorker.h"

#include "db/SqlResource.h"
#include "db/browse/CsvExport.h"
#include "db/browse/RelationCatalog.h"
#include "db/browse/TableBrowser.h"
#include "db/workers/WorkerThread.h"

BrowseWorker::BrowseWorker()
{
    qRegisterMetaType<BrowseRequest>();
    qRegisterMetaType<BrowsePage>();
    qRegisterMetaType<RelationStructure>();
    qRegisterMetaType<QList<RelationInfo>>();
    qRegisterMetaType<ViewAs>();
    qRegisterMetaType<QList<UsagePoint>>();
}

BrowseWorker *BrowseWorker::startOnOwnThread()
{
    auto *worker = new BrowseWorker;
    worker->m_thread = WorkerThread::start(worker, QStringLiteral("atlas-browse-worker"));
    return worker;
}

void BrowseWorker::stop()
{
    cancel();
    WorkerThread::stop(m_thread);
}

void BrowseWorker::openConnection(const QString &conninfo)
{
    const QString failure = m_connection.open(conninfo, QStringLiteral("atlas-console-browser"));
    emit opened(failure.isEmpty(), failure);
}

void BrowseWorker::cancel()
{
    m_connection.cancel();
}

BrowseSpec BrowseWorker::spec(const BrowseRequest &request)
{
    BrowseSpec spec;
    spec.relation = m_connection.quoteIdentifier(request.schema) + QLatin1Char('.')
        + m_connection.quoteIdentifier(request.table);
    for (const QString &k : request.keyColumns)
        spec.keyColumns << m_connection.quoteIdentifier(k);
    if (!request.sortColumn.isEmpty())
        spec.sortColumn = m_connection.quoteIdentifier(request.sortColumn);
    spec.descending = request.descending;
    for (BrowseFilter filter : request.filters) {
        filter.column = m_connection.quoteIdentifier(filter.column);
        spec.filters << filter;
    }
    spec.pageSize = request.pageSize;
    return spec;
}

void BrowseWorker::listRelations()
{
    QList<RelationInfo> relations;
    const PgResult result = RelationCatalog::listRelations(m_connection, &relations);
    emit relationsListed(relations, result.ok() ? QString() : result.error().toString());
}

void BrowseWorker::describe(const QString &schema, const QString &table)
{
    RelationStructure structure;
    const PgResult result = RelationCatalog::describe(m_connection, schema, table, &structure);
    emit described(schema, table, structure, result.ok() ? QString() : result.error().toString());
}

void BrowseWorker::fetchPage(quint64 ticket, const BrowseRequest &request, PageAnchor anchor, const QStringList &boundary,
                             const ViewAs &viewAs)
{
    emit pageFetched(ticket, TableBrowser::fetchPage(m_connection, spec(request), anchor, boundary, viewAs));
}

void BrowseWorker::count(quint64 ticket, const BrowseRequest &request, const ViewAs &viewAs)
{
    DbError error;
    const qint64 rows = TableBrowser::count(m_connection, spec(request), viewAs, &error);
    emit counted(ticket, rows, error.isError() ? error.toString() : QString());
}

void BrowseWorker::resolveUser(const QString &idOrEmail)
{
    const PgResult result = m_connection.execParams(
        sqlResource(QStringLiteral("browse/find_user")),
        {idOrEmail.trimmed()});
    if (!result.ok())
        emit userResolved(idOrEmail, QString(), QString(), result.error().toString());
    else if (result.rowCount() == 0)
        emit userResolved(idOrEmail, QString(), QString(), QStringLiteral("no user \"%1\" in auth.users").arg(idOrEmail));
    else
        emit userResolved(idOrEmail, result.value(0, 0), result.value(0, 1), QString());
}

void BrowseWorker::usageByDay(quint64 ticket, const BrowseRequest &request, const ViewAs &viewAs, int days)
{
    DbError error;
    const QList<UsagePoint> points = TableBrowser::usageByDay(m_connection, spec(request), viewAs, days, &error);
    emit usageRead(ticket, points, error.isError() ? error.toString() : QString());
}

void BrowseWorker::exportCsv(quint64 ticket, const BrowseRequest &request, const ViewAs &viewAs, const QString &path)
{
    qint64 rows = 0;
    QString error;
    const bool ok = CsvExport::toFile(m_connection, spec(request), viewAs, path,
        [this, ticket](qint64 done, qint64 bytes) { emit exportProgressed(ticket, done, bytes); }, &rows, &error);
    emit exportFinished(ticket, ok, rows, ok ? path : error);
}
