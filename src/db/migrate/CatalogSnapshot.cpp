#include "db/migrate/CatalogSnapshot.h"

#include "db/pg/PgConnection.h"

#include <QFile>

namespace {

QString snapshotQuery()
{
    static const QString query = [] {
        QFile file(QStringLiteral(":/sql/catalog_snapshot.sql"));
        file.open(QIODevice::ReadOnly);
        return QString::fromUtf8(file.readAll());
    }();
    return query;
}

}  // namespace

PgResult takeCatalogSnapshot(PgConnection &connection, QList<CatalogObject> *objects)
{
    PgResult result = connection.exec(snapshotQuery());
    if (!result.ok())
        return result;
    objects->clear();
    objects->reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row)
        objects->append(CatalogObject{result.value(row, 0), result.value(row, 1), result.value(row, 2)});
    return result;
}
