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
        object.attrs = QJsonDocument::fromJson(result.value(row, 5).toUtf8()).object();
        for (const QJsonValue &used : QJsonDocument::fromJson(result.value(row, 6).toUtf8()).array())
            object.dependsOn.append(used.toString());
        if (object.kind == QLatin1String("acl"))
            objects += grantsOfAcl(object);
        else
            objects.append(std::move(object));
    }
    // In (kind, name) order, as the C collation would give it: what is generated comes out the
    // same way every time.
    std::sort(objects.begin(), objects.end(), [](const SchemaObject &a, const SchemaObject &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
    });
    for (SchemaObject &object : objects)
        model->add(std::move(object));
    transaction.rollback();  // read only: nothing to keep
    return result;
}
