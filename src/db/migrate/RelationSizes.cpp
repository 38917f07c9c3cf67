#include "db/migrate/RelationSizes.h"

#include "core/text/PgTextArray.h"
#include "db/pg/PgConnection.h"

QHash<QString, RelationSize> relationSizes(PgConnection &connection, const QStringList &relations)
{
    QHash<QString, RelationSize> sizes;
    if (relations.isEmpty())
        return sizes;
    // to_regclass resolves names as the migration would (search_path) and is NULL for new tables.
    const PgResult result = connection.execParams(
        QStringLiteral("SELECT n, pg_total_relation_size(c.oid), c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid)) "
                       "FROM unnest($1::text[]) AS n LEFT JOIN pg_class c ON c.oid = to_regclass(n)"),
        {toPgTextArray(relations)});
    for (int r = 0; r < result.rowCount(); ++r) {
        RelationSize size;
        if (!result.isNull(r, 1)) {
            size.bytes = result.value(r, 1).toLongLong();
            size.estimatedRows = result.value(r, 2).toLongLong();
            size.pretty = result.value(r, 3);
        }
        sizes.insert(result.value(r, 0), size);
    }
    return sizes;
}
