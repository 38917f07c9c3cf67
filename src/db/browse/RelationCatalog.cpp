#include "db/browse/RelationCatalog.h"

#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace RelationCatalog {

namespace {

// The first column of every row of browse/<question>.
PgResult readLines(PgConnection &connection, const QString &question, const QStringList &params, QStringList *lines)
{
    const PgResult r = connection.execParams(sqlResource(QStringLiteral("browse/") + question), params);
    lines->clear();
    for (int i = 0; i < r.rowCount(); ++i)
        lines->append(r.value(i, 0));
    return r;
}

}  // namespace

PgResult listRelations(PgConnection &connection, QList<RelationInfo> *relations)
{
    const PgResult result = connection.exec(sqlResource(QStringLiteral("browse/relations")));
    if (!result.ok())
        return result;
    relations->clear();
    for (int r = 0; r < result.rowCount(); ++r)
        relations->append({result.value(r, 0), result.value(r, 1), result.value(r, 2), result.value(r, 3).toLongLong()});
    return result;
}

PgResult describe(PgConnection &connection, const QString &schema, const QString &name, RelationStructure *s)
{
    const QStringList relation{connection.quoteIdentifier(schema) + QLatin1Char('.') + connection.quoteIdentifier(name)};
    const QStringList schemaAndName{schema, name};
    PgResult r = connection.execParams(sqlResource(QStringLiteral("browse/columns")), relation);
    if (!r.ok())
        return r;
    s->columns.clear();
    for (int i = 0; i < r.rowCount(); ++i)
        s->columns.append({r.value(i, 0), r.value(i, 1), r.value(i, 2) == QLatin1String("t"), r.value(i, 3)});

    r = connection.execParams(sqlResource(QStringLiteral("browse/key_columns")), relation);
    if (!r.ok())
        return r;
    s->keyColumns.clear();
    if (r.rowCount() > 0) {
        for (const QJsonValue &v : QJsonDocument::fromJson(r.value(0, 0).toUtf8()).array())
            s->keyColumns << v.toString();
    }
    if (!(r = readLines(connection, QStringLiteral("constraints"), relation, &s->constraints)).ok())
        return r;
    if (!(r = readLines(connection, QStringLiteral("indexes"), relation, &s->indexes)).ok())
        return r;

    r = connection.execParams(sqlResource(QStringLiteral("browse/relation_facts")), relation);
    if (!r.ok())
        return r;
    s->rowSecurity = r.value(0, 0) == QLatin1String("t");
    s->forceRowSecurity = r.value(0, 1) == QLatin1String("t");
    s->size = r.value(0, 2);
    s->estimatedRows = r.value(0, 3).toLongLong();

    if (!(r = readLines(connection, QStringLiteral("policies"), schemaAndName, &s->policies)).ok())
        return r;
    if (!(r = readLines(connection, QStringLiteral("triggers"), relation, &s->triggers)).ok())
        return r;
    return readLines(connection, QStringLiteral("grants"), schemaAndName, &s->grants);
}

}  // namespace RelationCatalog
