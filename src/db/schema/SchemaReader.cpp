#include "db/schema/SchemaReader.h"

#include "core/text/PgArrayLiteral.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

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
                                   {pgTextArrayLiteral(scope.excluded), pgTextArrayLiteral(scope.included), pgTextArrayLiteral(scope.attached)});
    if (!result.ok())
        return result;
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
        model->add(std::move(object));
    }
    transaction.rollback();  // read only: nothing to keep
    return result;
}
