#include "db/migrate/RelationSizes.h"

#include "core/text/PgTextArray.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

RelationSizeMap relationSizes(PgConnection &connection, const QStringList &relations)
{
    RelationSizeMap sizes;
    if (relations.isEmpty())
        return sizes;
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("catalog/relation_sizes")),
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
