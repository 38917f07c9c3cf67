#include "db/schema/SchemaReader.h"

#include "core/schema/AclText.h"
#include "core/text/PgArrayLiteral.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

PgResult readSchemaModel(PgConnection &connection, const SchemaScope &scope, SchemaModel *model)
{
    Transaction transaction(connection);
    PgResult result = transaction.begin(Transaction::Access::ReadOnly);
    if (!result.ok())
        return result;
    result = connection.exec(sqlResource(QStringLiteral("schema/read_settings")));
    if (!result.ok())
        return result;
    model->currentUser = result.value(0, 0);
    result = connection.execParams(sqlResource(QStringLiteral("schema/model")),
                                   {pgTextArrayLiteral(scope.excluded), pgTextArrayLiteral(scope.included), pgTextArrayLiteral(scope.attached),
                                    pgTextArrayLiteral(scope.excludedExtensions)});
    if (!result.ok())
        return result;
    QList<SchemaObject> objects;
    objects.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        SchemaObject object;
        object.kind = result.value(row, 0);
        object.name = result.value(row, 1);
        object.schema = result.value(row, 2);
        object.parent = result.value(row, 3);
        object.definition = result.value(row, 4);
        object.attrs = QJsonDocument::fromJson(QByteArray::fromRawData(result.bytes(row, 5).data(), result.bytes(row, 5).size())).object();
        const QByteArrayView depends = result.bytes(row, 6);
        if (depends.size() > 2)  // not "[]", as most are
            for (const QJsonValue &used : QJsonDocument::fromJson(QByteArray::fromRawData(depends.data(), depends.size())).array())
                object.dependsOn.append(used.toString());
        if (object.kind == QLatin1String("acl"))
            objects += grantsOfAcl(object);
        else
            objects.append(std::move(object));
    }
    // In key order ("kind name", by UTF-16 code unit: the C collation for these names): what is
    // generated comes out the same way every time. Keys made once, one comparison each.
    QList<int> order(objects.size());
    for (int i = 0; i < objects.size(); ++i) {
        objects[i].cachedKey = objects.at(i).kind + QLatin1Char(' ') + objects.at(i).name;
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&objects](int a, int b) { return objects.at(a).cachedKey < objects.at(b).cachedKey; });
    model->reserve(int(objects.size()));
    for (int i : order)
        model->add(std::move(objects[i]));
    transaction.rollback();  // read only: nothing to keep
    return result;
}
