#include "db/migrate/CatalogSnapshot.h"

#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

PgResult takeCatalogSnapshot(PgConnection &connection, QList<CatalogObject> *objects)
{
    PgResult result = connection.exec(sqlResource(QStringLiteral("catalog/snapshot")));
    if (!result.ok())
        return result;
    objects->clear();
    objects->reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row)
        objects->append(CatalogObject{result.value(row, 0), result.value(row, 1), result.value(row, 2)});
    return result;
}
