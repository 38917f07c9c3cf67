#pragma once

#include "core/browse/KeysetQuery.h"
#include "core/browse/ViewAs.h"
#include "db/pg/PgResult.h"

#include <QList>

#include <functional>
#include <QString>
#include <QStringList>

class PgConnection;

struct RelationInfo {
    QString schema;
    QString name;
    QString kind;  // table, view, materialized view, foreign table, partitioned table
    qint64 estimatedRows = -1;  // from the planner's statistics; -1 when never analysed
};

struct ColumnInfo {
    QString name;
    QString type;  // format_type()
    bool notNull = false;
    QString defaultValue;
};

// What the structure pane shows, read in one round trip per part.
struct RelationStructure {
    QList<ColumnInfo> columns;
    QStringList keyColumns;  // primary key, else a unique index on NOT NULL columns (names, unquoted); empty: none
    QStringList constraints; // "name: definition"
    QStringList indexes;
    bool rowSecurity = false;
    bool forceRowSecurity = false;
    QStringList policies;    // "name (command, roles): USING ... WITH CHECK ..."
    QStringList triggers;
    QStringList grants;      // "role: privileges"
    QString size;            // pg_size_pretty(pg_total_relation_size())
    qint64 estimatedRows = -1;
};

struct BrowsePage {
    QStringList columns;
    QList<QStringList> rows;     // text values; QString() is NULL
    QList<QStringList> boundaries;  // per row, the values that anchor the next or previous page
    DbError error;
};

// One day and tier of daily_usage, summed on the server.
struct UsagePoint {
    QString date;  // yyyy-mm-dd
    QString tier;
    qint64 conversations = 0;
    QString cost;  // numeric text, exact
};

namespace TableBrowser {

PgResult listRelations(PgConnection &connection, QList<RelationInfo> *relations);
PgResult describe(PgConnection &connection, const QString &schema, const QString &name, RelationStructure *structure);
// A page, run in a READ ONLY transaction as `viewAs`, rolled back afterwards.
BrowsePage fetchPage(PgConnection &connection, const BrowseSpec &spec, PageAnchor anchor, const QStringList &boundary,
                     const ViewAs &viewAs);
// daily_usage summed per day and tier for the last `days` days, with the browser's filters, as
// `viewAs`. One query; the rows never leave the server.
QList<UsagePoint> usageByDay(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, int days,
                             DbError *error);

// Streams the rows that match the filters, in key order, to `path` as CSV with a header, through
// COPY ... TO STDOUT, as `viewAs`. COPY takes no parameters, so the filter values are quoted by
// libpq (PQescapeLiteral), never spliced raw. `progress` is called every megabyte; a cancel()
// on the connection stops the server, and the partial file is removed.
bool exportCsv(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, const QString &path,
               const std::function<void(qint64 rows, qint64 bytes)> &progress, qint64 *rows, QString *error);

// count(*) as `viewAs`; -1 and `error` on failure (cancelled, timeout, no privilege).
qint64 count(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, DbError *error);

}  // namespace TableBrowser
