#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// One filter of the browser: a column, an operator and a value that is always bound as a
// parameter (never spliced into the SQL).
struct BrowseFilter {
    QString column;  // quoted identifier
    QString op;      // = <> < <= > >= contains "is null" "is not null"
    QString value;
};

// What to browse and in which order. Identifiers arrive quoted (by libpq, in the db layer).
struct BrowseSpec {
    QString relation;         // "public"."daily_usage"
    QStringList keyColumns;   // primary key or a NOT NULL unique index; empty: the physical row id (ctid)
    QString sortColumn;       // empty: the key's order
    bool descending = false;
    QList<BrowseFilter> filters;
    int pageSize = 200;
};

enum class PageAnchor { First, Last, After, Before };

struct PageQuery {
    QString sql;
    QStringList params;  // QString() is SQL NULL
    bool reversed = false;  // the rows come back in reverse display order
};

// Keyset pagination: a page after (or before) a boundary row costs the same wherever it is in
// the table, unlike OFFSET. The boundary is the row's sort value (if sorting) and key values as
// text, as the page query returned them in its leading columns. NULL sorts last (as PostgreSQL
// does for ASC); every filter value is a parameter.
PageQuery buildPageQuery(const BrowseSpec &spec, PageAnchor anchor, const QStringList &boundary = {});
// count(*) with the same filters.
PageQuery buildCountQuery(const BrowseSpec &spec);
// daily_usage summed per day and tier over the last `days` days, with the same filters: date,
// tier, conversations, cost (numeric as text). The rows never leave the server.
PageQuery buildUsageByDayQuery(const BrowseSpec &spec, int days);
// COPY of the filtered rows in key order, as CSV with a header, to STDOUT. COPY takes no
// parameters, so each filter value is spliced as the literal `quoteLiteral` makes of it (libpq's
// quoting, in the db layer), in one pass: a value that itself contains "$2" is never substituted.
QString buildCsvCopy(const BrowseSpec &spec, const std::function<QString(const QString &value)> &quoteLiteral);
// The WHERE clause of the filters (empty when none), its values appended to `params`; columns
// are referred to through the alias _r.
QString whereClause(const BrowseSpec &spec, QStringList *params);
// How many leading columns a page carries before the table's own (the boundary values).
int boundaryColumnCount(const BrowseSpec &spec);
// Empty when the filter is usable; else what is wrong with it.
QString filterProblem(const BrowseFilter &filter);
