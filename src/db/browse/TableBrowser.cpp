#include "db/browse/TableBrowser.h"

#include "db/browse/ViewAsTransaction.h"
#include "db/pg/PgConnection.h"

#include <algorithm>

namespace TableBrowser {

namespace {

// The query's result in its read-only transaction as `viewAs`; the transaction's failure if it
// could not begin.
PgResult readAs(PgConnection &connection, const ViewAs &viewAs, const PageQuery &query)
{
    ViewAsTransaction transaction(connection);
    const PgResult begun = transaction.begin(viewAs);
    return begun.ok() ? connection.execParams(query.sql, query.params) : begun;
}

}  // namespace

BrowsePage fetchPage(PgConnection &connection, const BrowseSpec &spec, PageAnchor anchor, const QStringList &boundary,
                     const ViewAs &viewAs)
{
    BrowsePage page;
    const PageQuery query = buildPageQuery(spec, anchor, boundary);
    const PgResult result = readAs(connection, viewAs, query);
    if (!result.ok()) {
        page.error = result.error();
        return page;
    }
    const int lead = boundaryColumnCount(spec);
    for (int c = lead; c < result.columnCount(); ++c)
        page.columns << result.columnName(c);
    for (int r = 0; r < result.rowCount(); ++r) {
        QStringList values;
        for (int c = lead; c < result.columnCount(); ++c)
            values << (result.isNull(r, c) ? QString() : result.value(r, c));
        QStringList anchorValues;
        for (int c = 0; c < lead; ++c)
            anchorValues << (result.isNull(r, c) ? QString() : result.value(r, c));
        page.rows << values;
        page.boundaries << anchorValues;
    }
    if (query.reversed) {
        std::reverse(page.rows.begin(), page.rows.end());
        std::reverse(page.boundaries.begin(), page.boundaries.end());
    }
    return page;
}

QList<UsagePoint> usageByDay(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, int days,
                             DbError *error)
{
    QList<UsagePoint> points;
    const PgResult result = readAs(connection, viewAs, buildUsageByDayQuery(spec, days));
    if (!result.ok()) {
        *error = result.error();
        return points;
    }
    for (int r = 0; r < result.rowCount(); ++r)
        points.append({result.value(r, 0), result.value(r, 1), result.value(r, 2).toLongLong(), result.value(r, 3)});
    return points;
}

qint64 count(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, DbError *error)
{
    const PgResult result = readAs(connection, viewAs, buildCountQuery(spec));
    if (!result.ok()) {
        *error = result.error();
        return -1;
    }
    return result.value(0, 0).toLongLong();
}

}  // namespace TableBrowser
