#include "core/sql/CreatedObjects.h"

#include "core/sql/ParseTree.h"

#include <QHash>

#include <functional>

using namespace ParseTree;

namespace {

using Collector = std::function<void(const QJsonObject &body, QList<CreatedObject> *creates)>;
using Kind = CreatedObject::Kind;

void createdTable(const QJsonObject &body, QList<CreatedObject> *creates)
{
    const QJsonObject relation = child(body, "relation");
    const QString schema = text(relation, "schemaname");
    const QString table = text(relation, "relname");
    creates->append({Kind::Table, schema, table, table});
    for (const QJsonValue &element : list(body, "tableElts")) {
        const QJsonObject column = child(element.toObject(), "ColumnDef");
        if (!column.isEmpty())
            creates->append({Kind::Column, schema, table, text(column, "colname")});
    }
}

// An object that belongs to a table: (kind, the table's key in the body, the name's key).
Collector onTable(Kind kind, const char *tableKey, const char *nameKey)
{
    return [kind, tableKey, nameKey](const QJsonObject &body, QList<CreatedObject> *creates) {
        const QJsonObject relation = child(body, tableKey);
        const QString name = text(body, nameKey);
        if (!name.isEmpty())
            creates->append({kind, text(relation, "schemaname"), text(relation, "relname"), name});
    };
}

void createdFunction(const QJsonObject &body, QList<CreatedObject> *creates)
{
    QStringList parts = names(list(body, "funcname"));
    const QString name = parts.takeLast();
    creates->append({Kind::Function, parts.value(0), QString(), name});
}

void createdView(const QJsonObject &body, QList<CreatedObject> *creates)
{
    const QJsonObject view = child(body, "view");
    const QString name = text(view, "relname");
    creates->append({Kind::View, text(view, "schemaname"), name, name});
}

void rowSecurityTurnedOn(const QJsonObject &body, QList<CreatedObject> *creates)
{
    const QJsonObject relation = child(body, "relation");
    for (const QJsonValue &value : list(body, "cmds")) {
        if (text(child(value.toObject(), "AlterTableCmd"), "subtype") == QLatin1String("AT_EnableRowSecurity"))
            creates->append({Kind::RowLevelSecurity, text(relation, "schemaname"), text(relation, "relname"), QString()});
    }
}

const QHash<QString, Collector> &collectors()
{
    static const QHash<QString, Collector> table = {
        {QStringLiteral("CreateStmt"), createdTable},
        {QStringLiteral("CreatePolicyStmt"), onTable(Kind::Policy, "table", "policy_name")},
        {QStringLiteral("CreateFunctionStmt"), createdFunction},
        {QStringLiteral("CreateTrigStmt"), onTable(Kind::Trigger, "relation", "trigname")},
        {QStringLiteral("ViewStmt"), createdView},
        {QStringLiteral("IndexStmt"), onTable(Kind::Index, "relation", "idxname")},
        {QStringLiteral("AlterTableStmt"), rowSecurityTurnedOn},
    };
    return table;
}

}  // namespace

void collectCreatedObjects(const QString &nodeType, const QJsonObject &body, SqlStatement *statement)
{
    const auto collector = collectors().constFind(nodeType);
    if (collector != collectors().constEnd())
        (*collector)(body, &statement->creates);
}
