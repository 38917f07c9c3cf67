#include "core/browse/KeysetQuery.h"

#include <QRegularExpression>

namespace {

// Every column is referred to through this alias: the page's leading boundary columns would
// otherwise make ORDER BY "id" ambiguous with the table's own id.
QString col(const QString &quoted)
{
    return QStringLiteral("_r.") + quoted;
}

QStringList keys(const BrowseSpec &spec)
{
    QStringList out;
    for (const QString &k : spec.keyColumns.isEmpty() ? QStringList{QStringLiteral("ctid")} : spec.keyColumns)
        out << col(k);
    return out;
}

QString placeholder(QStringList *params, const QString &value, const QString &cast = QString())
{
    params->append(value);
    return QStringLiteral("$%1").arg(params->size()) + cast;
}

// WHERE clauses of the filters; values become parameters.
QStringList filterClauses(const BrowseSpec &spec, QStringList *params)
{
    QStringList clauses;
    for (const BrowseFilter &f : spec.filters) {
        const QString column = col(f.column);
        if (f.op == QLatin1String("is null"))
            clauses << column + QStringLiteral(" IS NULL");
        else if (f.op == QLatin1String("is not null"))
            clauses << column + QStringLiteral(" IS NOT NULL");
        else if (f.op == QLatin1String("contains")) {
            QString escaped = f.value;
            escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
            clauses << QStringLiteral("%1::text ILIKE '%' || %2 || '%'").arg(column, placeholder(params, escaped, QStringLiteral("::text")));
        } else {
            clauses << QStringLiteral("%1 %2 %3").arg(column, f.op, placeholder(params, f.value));
        }
    }
    return clauses;
}

QString tuple(const QStringList &items)
{
    return items.size() == 1 ? items.first() : QLatin1Char('(') + items.join(QStringLiteral(", ")) + QLatin1Char(')');
}

}  // namespace

QString filterProblem(const BrowseFilter &filter)
{
    static const QStringList ops{"=", "<>", "<", "<=", ">", ">=", "contains", "is null", "is not null"};
    if (!ops.contains(filter.op))
        return QStringLiteral("unknown operator \"%1\"").arg(filter.op);
    if (filter.column.isEmpty())
        return QStringLiteral("choose a column");
    return QString();
}

int boundaryColumnCount(const BrowseSpec &spec)
{
    return int(keys(spec).size()) + (spec.sortColumn.isEmpty() ? 0 : 1);
}

PageQuery buildPageQuery(const BrowseSpec &spec, PageAnchor anchor, const QStringList &boundary)
{
    PageQuery query;
    const QStringList keyList = keys(spec);
    const bool sorted = !spec.sortColumn.isEmpty();
    // The direction the rows are fetched in: the display order, or its reverse for Last/Before.
    const bool reverse = anchor == PageAnchor::Last || anchor == PageAnchor::Before;
    const bool ascending = spec.descending == reverse;
    query.reversed = reverse;

    const QString sortColumn = sorted ? col(spec.sortColumn) : QString();
    QStringList select;
    if (sorted)
        select << sortColumn + QStringLiteral("::text AS _atlas_s");
    for (int i = 0; i < keyList.size(); ++i)
        select << keyList.at(i) + QStringLiteral("::text AS _atlas_k%1").arg(i);
    select << QStringLiteral("_r.*");

    QStringList where = filterClauses(spec, &query.params);
    if ((anchor == PageAnchor::After || anchor == PageAnchor::Before) && boundary.size() == boundaryColumnCount(spec)) {
        const QString keyOp = ascending ? QStringLiteral(">") : QStringLiteral("<");
        QStringList keyParams;
        for (int i = 0; i < keyList.size(); ++i) {
            const QString cast = spec.keyColumns.isEmpty() ? QStringLiteral("::tid") : QString();
            keyParams << placeholder(&query.params, boundary.at((sorted ? 1 : 0) + i), cast);
        }
        const QString keysAfter = QStringLiteral("%1 %2 %3").arg(tuple(keyList), keyOp, tuple(keyParams));
        if (!sorted) {
            where << keysAfter;
        } else {
            // NULL counts as larger than every value (ASC NULLS LAST, DESC NULLS FIRST).
            const QString s = sortColumn;
            const QString s0 = boundary.first();
            QString clause;
            if (s0.isNull()) {
                clause = ascending ? QStringLiteral("(%1 IS NULL AND %2)").arg(s, keysAfter)
                                   : QStringLiteral("(%1 IS NOT NULL OR (%1 IS NULL AND %2))").arg(s, keysAfter);
            } else {
                const QString p = placeholder(&query.params, s0);
                clause = ascending
                    ? QStringLiteral("(%1 > %2 OR %1 IS NULL OR (%1 = %2 AND %3))").arg(s, p, keysAfter)
                    : QStringLiteral("(%1 < %2 OR (%1 = %2 AND %3))").arg(s, p, keysAfter);
            }
            where << clause;
        }
    }
    QStringList order;
    if (sorted)
        order << sortColumn + (ascending ? QStringLiteral(" ASC NULLS LAST") : QStringLiteral(" DESC NULLS FIRST"));
    for (const QString &k : keyList)
        order << k + (ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC"));
    query.sql = QStringLiteral("SELECT %1 FROM %2 AS _r%3 ORDER BY %4 LIMIT %5")
                    .arg(select.join(QStringLiteral(", ")), spec.relation,
                         where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")),
                         order.join(QStringLiteral(", ")))
                    .arg(spec.pageSize);
    return query;
}

QString whereClause(const BrowseSpec &spec, QStringList *params)
{
    const QStringList where = filterClauses(spec, params);
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

PageQuery buildCountQuery(const BrowseSpec &spec)
{
    PageQuery query;
    const QStringList where = filterClauses(spec, &query.params);
    query.sql = QStringLiteral("SELECT count(*) FROM %1 AS _r%2")
                    .arg(spec.relation, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")));
    return query;
}

PageQuery buildUsageByDayQuery(const BrowseSpec &spec, int days)
{
    PageQuery query;
    QString where = whereClause(spec, &query.params);
    query.params << QString::number(days);
    where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "))
        + QStringLiteral("_r.date > current_date - $%1::int").arg(query.params.size());
    query.sql = QStringLiteral("SELECT _r.date::text, _r.tier, sum(_r.conversation_count)::bigint, sum(_r.api_cost_estimate)::text "
                               "FROM %1 AS _r%2 GROUP BY 1, 2 ORDER BY 1, 2")
                    .arg(spec.relation, where);
    return query;
}

QString buildCsvCopy(const BrowseSpec &spec, const std::function<QString(const QString &value)> &quoteLiteral)
{
    QStringList params;
    const QString where = whereClause(spec, &params);
    QString spliced;
    static const QRegularExpression placeholder(QStringLiteral("\\$(\\d+)"));
    qsizetype from = 0;
    for (auto it = placeholder.globalMatch(where); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString literal = quoteLiteral(params.value(m.captured(1).toInt() - 1));
        spliced += where.mid(from, m.capturedStart() - from) + (literal.isEmpty() ? QStringLiteral("NULL") : literal);
        from = m.capturedEnd();
    }
    spliced += where.mid(from);
    QStringList order;
    for (const QString &k : spec.keyColumns.isEmpty() ? QStringList{QStringLiteral("ctid")} : spec.keyColumns)
        order << QStringLiteral("_r.") + k;
    return QStringLiteral("COPY (SELECT _r.* FROM %1 AS _r%2 ORDER BY %3) TO STDOUT WITH (FORMAT csv, HEADER)")
        .arg(spec.relation, spliced, order.join(QStringLiteral(", ")));
}
