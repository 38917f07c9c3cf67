#pragma once

#include "core/browse/BrowseTypes.h"
#include "core/browse/KeysetQuery.h"
#include "core/browse/ViewAs.h"

class PgConnection;

// The rows of one table as the browser reads them: each query in a READ ONLY transaction as the
// chosen role (ViewAsTransaction), rolled back afterwards.
namespace TableBrowser {

// A page by keyset (KeysetQuery).
BrowsePage fetchPage(PgConnection &connection, const BrowseSpec &spec, PageAnchor anchor, const QStringList &boundary,
                     const ViewAs &viewAs);
// daily_usage summed per day and tier for the last `days` days, with the browser's filters. One
// query; the rows never leave the server.
QList<UsagePoint> usageByDay(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, int days,
                             DbError *error);
// count(*); -1 and `error` on failure (cancelled, timeout, no privilege).
qint64 count(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, DbError *error);

}  // namespace TableBrowser
