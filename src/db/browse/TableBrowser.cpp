#include "db/browse/TableBrowser.h"

#include "db/pg/PgConnection.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QJsonDocument>

#include <algorithm>

namespace TableBrowser {

namespace {

// Starts the read-only transaction a browse query runs in, as the chosen role with its claims.
PgResult beginAs(PgConnection &connection, const ViewAs &viewAs)
{
    PgResult result = connection.exec(QStringLiteral("BEGIN TRANSACTION READ ONLY"));
    if (!result.ok())
        return result;
    if (viewAs.mode != ViewAs::Mode::Owner)
        result = connection.execParams(QStringLiteral("SELECT set_config('role', $1, true), "
                                                      "set_config('request.jwt.claims', $2, true)"),
                                       {viewAs.role(), viewAs.claims()});
    if (!result.ok())
        connection.exec(QStringLiteral("ROLLBACK"));
    return result;
}

}  // namespace

PgResult listRelations(PgConnection &connection, QList<RelationInfo> *relations)
{
    const PgResult result = connection.exec(QStringLiteral(
        "SELECT n.nspname, c.relname, CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' "
        "WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' ELSE 'partitioned table' END, "
        "c.reltuples::bigint "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND NOT c.relispartition "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
        "ORDER BY n.nspname, c.relname"));
    if (!result.ok())
        return result;
    relations->clear();
    for (int r = 0; r < result.rowCount(); ++r)
        relations->append({result.value(r, 0), result.value(r, 1), result.value(r, 2), result.value(r, 3).toLongLong()});
    return result;
}

PgResult describe(PgConnection &connection, const QString &schema, const QString &name, RelationStructure *s)
{
    const QString relation = connection.quoteIdentifier(schema) + QLatin1Char('.') + connection.quoteIdentifier(name);
    const QStringList rel{relation};
    PgResult r = connection.execParams(QStringLiteral(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid) "
        "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"), rel);
    if (!r.ok())
        return r;
    s->columns.clear();
    for (int i = 0; i < r.rowCount(); ++i)
        s->columns.append({r.value(i, 0), r.value(i, 1), r.value(i, 2) == QLatin1String("t"), r.value(i, 3)});

    // The key: the primary key, else the first unique index whose columns are all NOT NULL.
    r = connection.execParams(QStringLiteral(
        "SELECT array_to_json(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n) "
        "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n))::text "
        "FROM pg_index i WHERE i.indrelid = $1::regclass AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL "
        "AND NOT EXISTS (SELECT FROM unnest(i.indkey) k(attnum) JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = k.attnum WHERE NOT a.attnotnull) AND 0 <> ALL (i.indkey) "
        "ORDER BY i.indisprimary DESC, i.indnatts LIMIT 1"), rel);
    if (!r.ok())
        return r;
    s->keyColumns.clear();
    if (r.rowCount() > 0) {
        for (const QJsonValue &v : QJsonDocument::fromJson(r.value(0, 0).toUtf8()).array())
            s->keyColumns << v.toString();
    }

    r = connection.execParams(QStringLiteral(
        "SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = $1::regclass ORDER BY conname"), rel);
    if (!r.ok())
        return r;
    s->constraints.clear();
    for (int i = 0; i < r.rowCount(); ++i)
        s->constraints << r.value(i, 0);

    r = connection.execParams(QStringLiteral(
        "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = $1::regclass ORDER BY indexrelid::regclass::text"), rel);
    if (!r.ok())
        return r;
    s->indexes.clear();
    for (int i = 0; i < r.rowCount(); ++i)
        s->indexes << r.value(i, 0);

    r = connection.execParams(QStringLiteral(
        "SELECT relrowsecurity, relforcerowsecurity, pg_size_pretty(pg_total_relation_size(oid)), reltuples::bigint "
        "FROM pg_class WHERE oid = $1::regclass"), rel);
    if (!r.ok())
        return r;
    s->rowSecurity = r.value(0, 0) == QLatin1String("t");
    s->forceRowSecurity = r.value(0, 1) == QLatin1String("t");
    s->size = r.value(0, 2);
    s->estimatedRows = r.value(0, 3).toLongLong();

    r = connection.execParams(QStringLiteral(
        "SELECT policyname || ' (' || cmd || ', ' || permissive || ', to ' || array_to_string(roles, ', ') || ')'"
        " || coalesce(' USING ' || qual, '') || coalesce(' WITH CHECK ' || with_check, '') "
        "FROM pg_policies WHERE schemaname = $1 AND tablename = $2 ORDER BY policyname"), {schema, name});
    if (!r.ok())
        return r;
    s->policies.clear();
    for (int i = 0; i < r.rowCount(); ++i)
        s->policies << r.value(i, 0);

    r = connection.execParams(QStringLiteral(
        "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname"), rel);
    if (!r.ok())
        return r;
    s->triggers.clear();
    for (int i = 0; i < r.rowCount(); ++i)
        s->triggers << r.value(i, 0);

    r = connection.execParams(QStringLiteral(
        "SELECT grantee || ': ' || string_agg(privilege_type, ', ' ORDER BY privilege_type) "
        "FROM information_schema.role_table_grants WHERE table_schema = $1 AND table_name = $2 "
        "GROUP BY grantee ORDER BY grantee"), {schema, name});
    if (!r.ok())
        return r;
    s->grants.clear();
    for (int i = 0; i < r.rowCount(); ++i)
        s->grants << r.value(i, 0);
    return r;
}

BrowsePage fetchPage(PgConnection &connection, const BrowseSpec &spec, PageAnchor anchor, const QStringList &boundary,
                     const ViewAs &viewAs)
{
    BrowsePage page;
    const PgResult begin = beginAs(connection, viewAs);
    if (!begin.ok()) {
        page.error = begin.error();
        return page;
    }
    const PageQuery query = buildPageQuery(spec, anchor, boundary);
    const PgResult result = connection.execParams(query.sql, query.params);
    connection.exec(QStringLiteral("ROLLBACK"));
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
    const PgResult begin = beginAs(connection, viewAs);
    if (!begin.ok()) {
        *error = begin.error();
        return points;
    }
    QStringList params;
    QString where = whereClause(spec, &params);
    params << QString::number(days);
    where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "))
        + QStringLiteral("_r.date > current_date - $%1::int").arg(params.size());
    const PgResult result = connection.execParams(
        QStringLiteral("SELECT _r.date::text, _r.tier, sum(_r.conversation_count)::bigint, sum(_r.api_cost_estimate)::text "
                       "FROM %1 AS _r%2 GROUP BY 1, 2 ORDER BY 1, 2").arg(spec.relation, where),
        params);
    connection.exec(QStringLiteral("ROLLBACK"));
    if (!result.ok()) {
        *error = result.error();
        return points;
    }
    for (int r = 0; r < result.rowCount(); ++r)
        points.append({result.value(r, 0), result.value(r, 1), result.value(r, 2).toLongLong(), result.value(r, 3)});
    return points;
}

bool exportCsv(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, const QString &path,
               const std::function<void(qint64, qint64)> &progress, qint64 *rows, QString *error)
{
    *rows = 0;
    QStringList params;
    const QString where = whereClause(spec, &params);
    // One pass over the template: a value that itself contains "$2" is never substituted again.
    QString query;
    static const QRegularExpression placeholder(QStringLiteral("\\$(\\d+)"));
    qsizetype from = 0;
    for (auto it = placeholder.globalMatch(where); it.hasNext();) {
        const auto m = it.next();
        query += where.mid(from, m.capturedStart() - from);
        const QString literal = connection.quoteLiteral(params.value(m.captured(1).toInt() - 1));
        query += literal.isEmpty() ? QStringLiteral("NULL") : literal;
        from = m.capturedEnd();
    }
    query += where.mid(from);
    QStringList order;
    for (const QString &k : spec.keyColumns.isEmpty() ? QStringList{QStringLiteral("ctid")} : spec.keyColumns)
        order << QStringLiteral("_r.") + k;
    const QString copy = QStringLiteral("COPY (SELECT _r.* FROM %1 AS _r%2 ORDER BY %3) TO STDOUT WITH (FORMAT csv, HEADER)")
                             .arg(spec.relation, query, order.join(QStringLiteral(", ")));

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const PgResult begin = beginAs(connection, viewAs);
    if (!begin.ok()) {
        *error = begin.error().toString();
        file.remove();
        return false;
    }
    qint64 bytes = 0;
    qint64 reported = 0;
    QString writeError;
    const PgResult copied = connection.copyOut(copy, [&](QByteArrayView row) {
        if (file.write(row.data(), row.size()) != row.size()) {
            writeError = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        bytes += row.size();
        ++*rows;  // COPY sends one row per message
        if (progress && bytes - reported >= 1024 * 1024) {
            reported = bytes;
            progress(*rows - 1, bytes);  // less the header line
        }
        return true;
    });
    connection.exec(QStringLiteral("ROLLBACK"));
    *rows = qMax<qint64>(0, *rows - 1);
    file.close();
    const bool ok = copied.ok();
    if (!ok) {
        *error = writeError.isEmpty() ? copied.error().toString() : writeError;
        file.remove();  // no half file left behind
    } else if (progress) {
        progress(*rows, bytes);
    }
    return ok;
}

qint64 count(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, DbError *error)
{
    const PgResult begin = beginAs(connection, viewAs);
    if (!begin.ok()) {
        *error = begin.error();
        return -1;
    }
    const PageQuery query = buildCountQuery(spec);
    const PgResult result = connection.execParams(query.sql, query.params);
    connection.exec(QStringLiteral("ROLLBACK"));
    if (!result.ok()) {
        *error = result.error();
        return -1;
    }
    return result.value(0, 0).toLongLong();
}

}  // namespace TableBrowser
