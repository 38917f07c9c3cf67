#include "core/sql/RemovedObjects.h"

#include "core/sql/ParseTree.h"

using namespace ParseTree;

namespace {

using Kind = CreatedObject::Kind;

// A dropped object's name list: [schema,] name, or for a policy or trigger [schema,] table, name.
QStringList nameList(const QJsonValue &object)
{
    return names(list(child(object.toObject(), "List"), "items"));
}

void dropped(const QJsonObject &body, QList<CreatedObject> *removes)
{
    if (flag(body, "missing_ok"))
        return;
    const QString type = text(body, "removeType");
    for (const QJsonValue &object : list(body, "objects")) {
        if (type == QLatin1String("OBJECT_FUNCTION") || type == QLatin1String("OBJECT_PROCEDURE")) {
            QStringList parts = names(list(child(object.toObject(), "ObjectWithArgs"), "objname"));
            const QString name = parts.takeLast();
            removes->append({Kind::Function, parts.value(0), QString(), name});
            continue;
        }
        QStringList parts = nameList(object);
        if (parts.isEmpty())
            continue;
        const QString name = parts.takeLast();
        if (type == QLatin1String("OBJECT_TABLE"))
            removes->append({Kind::Table, parts.value(0), name, name});
        else if (type == QLatin1String("OBJECT_VIEW") || type == QLatin1String("OBJECT_MATVIEW"))
            removes->append({Kind::View, parts.value(0), name, name});
        else if (type == QLatin1String("OBJECT_INDEX"))
            removes->append({Kind::Index, parts.value(0), QString(), name});
        else if ((type == QLatin1String("OBJECT_POLICY") || type == QLatin1String("OBJECT_TRIGGER")) && !parts.isEmpty()) {
            const QString table = parts.takeLast();
            removes->append({type == QLatin1String("OBJECT_POLICY") ? Kind::Policy : Kind::Trigger, parts.value(0), table, name});
        }
    }
}

// ALTER TABLE/VIEW ... RENAME TO and ... SET SCHEMA: the old name is free again.
void movedAway(const QString &objectType, const QJsonObject &body, QList<CreatedObject> *removes)
{
    if (flag(body, "missing_ok"))
        return;
    const QJsonObject relation = child(body, "relation");
    const QString name = text(relation, "relname");
    if (objectType == QLatin1String("OBJECT_TABLE"))
        removes->append({Kind::Table, text(relation, "schemaname"), name, name});
    else if (objectType == QLatin1String("OBJECT_VIEW") || objectType == QLatin1String("OBJECT_MATVIEW"))
        removes->append({Kind::View, text(relation, "schemaname"), name, name});
}

}  // namespace

void collectRemovedObjects(const QString &nodeType, const QJsonObject &body, SqlStatement *statement)
{
    if (nodeType == QLatin1String("DropStmt"))
        dropped(body, &statement->removes);
    else if (nodeType == QLatin1String("RenameStmt") && text(body, "subname").isEmpty())
        movedAway(text(body, "renameType"), body, &statement->removes);
    else if (nodeType == QLatin1String("AlterObjectSchemaStmt"))
        movedAway(text(body, "objectType"), body, &statement->removes);
}
