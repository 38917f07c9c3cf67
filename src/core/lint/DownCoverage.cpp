#include "core/lint/DownCoverage.h"
#include "core/sql/ParseTree.h"
#include "core/sql/MadeAgain.h"

#include <QSet>

using namespace ParseTree;

namespace {

// What a down file drops, by kind, as schema-qualified keys.
struct Dropped {
    QSet<QString> schemas;
    QSet<QString> relations;  // tables, views, materialized views
    QSet<QString> functions;
    QSet<QString> indexes;    // by name: an index's schema is its table's
    QSet<QString> onTable;    // "public.notes/policy name", triggers alike
    QSet<QString> columns;    // "public.notes.title"

    void read(const QJsonObject &stmt)
    {
        const QString type = nodeType(stmt);
        const QJsonObject node = body(stmt);
        if (type == QLatin1String("AlterTableStmt")) {
            const QJsonObject relation = child(node, "relation");
            for (const QJsonValue &value : list(node, "cmds")) {
                const QJsonObject cmd = child(value.toObject(), "AlterTableCmd");
                if (text(cmd, "subtype") == QLatin1String("AT_DropColumn"))
                    columns.insert(withSchema(text(relation, "schemaname"), text(relation, "relname")) + QLatin1Char('.') + text(cmd, "name"));
            }
            return;
        }
        if (type != QLatin1String("DropStmt"))
            return;
        const QString kind = text(node, "removeType");
        for (const QJsonValue &object : list(node, "objects")) {
            QStringList parts = object.toObject().contains(QLatin1String("ObjectWithArgs"))
                ? names(list(child(object.toObject(), "ObjectWithArgs"), "objname"))
                : names(list(child(object.toObject(), "List"), "items"));
            if (parts.isEmpty())
                parts = QStringList{text(child(object.toObject(), "String"), "sval")};
            const QString name = parts.takeLast();
            const QString schema = parts.isEmpty() ? QString() : parts.first();
            if (kind == QLatin1String("OBJECT_SCHEMA"))
                schemas.insert(name);
            else if (kind == QLatin1String("OBJECT_TABLE") || kind == QLatin1String("OBJECT_VIEW") || kind == QLatin1String("OBJECT_MATVIEW"))
                relations.insert(withSchema(schema, name));
            else if (kind == QLatin1String("OBJECT_FUNCTION") || kind == QLatin1String("OBJECT_PROCEDURE") || kind == QLatin1String("OBJECT_ROUTINE"))
                functions.insert(withSchema(schema, name));
            else if (kind == QLatin1String("OBJECT_INDEX"))
                indexes.insert(name);
            else if (kind == QLatin1String("OBJECT_POLICY") || kind == QLatin1String("OBJECT_TRIGGER"))
                onTable.insert(withSchema(parts.size() > 1 ? parts.first() : QString(), parts.value(parts.size() - 1)) + QLatin1Char('/') + name);
        }
    }
};

}  // namespace

QList<UndoneObject> objectsTheDownLeaves(const QList<LintStatement> &up, const QString &downSql)
{
    QList<QJsonObject> trees;
    const SqlScript down = parseSqlScript(downSql, &trees);
    if (!down.isValid())
        return {};
    Dropped dropped;
    for (const QJsonObject &tree : trees)
        dropped.read(tree);
    const auto gone = [&](const QString &schema, const QString &table) {
        return dropped.schemas.contains(schema.isEmpty() ? QStringLiteral("public") : schema)
            || (!table.isEmpty() && dropped.relations.contains(withSchema(schema, table)));
    };
    // A table the up file takes away and makes again was there before it: the down file makes it
    // again in its turn, it does not drop it.
    QList<const SqlStatement *> parsed;
    for (const LintStatement &statement : up)
        parsed.append(statement.parsed);
    const MadeAgain madeAgain(parsed);
    QList<UndoneObject> left;
    QSet<QString> reported;
    const auto leave = [&](int statement, const QString &what) {
        if (!reported.contains(what)) {
            reported.insert(what);
            left.append({statement, what});
        }
    };
    for (const LintStatement &statement : up) {
        for (const CreatedObject &object : statement.parsed->creates) {
            const QString table = withSchema(object.schema, object.table);
            if (madeAgain.object(object))
                continue;
            switch (object.kind) {
            case CreatedObject::Kind::Table:
            case CreatedObject::Kind::View:
                if (!gone(object.schema, object.table))
                    leave(statement.index, QStringLiteral("%1 %2").arg(object.kind == CreatedObject::Kind::Table ? "table" : "view", table));
                break;
            case CreatedObject::Kind::Function:
                if (!gone(object.schema, QString()) && !dropped.functions.contains(withSchema(object.schema, object.name)))
                    leave(statement.index, QStringLiteral("function %1").arg(withSchema(object.schema, object.name)));
                break;
            case CreatedObject::Kind::Index:
                if (!gone(object.schema, object.table) && !dropped.indexes.contains(object.name))
                    leave(statement.index, QStringLiteral("index %1 on %2").arg(object.name, table));
                break;
            case CreatedObject::Kind::Policy:
            case CreatedObject::Kind::Trigger:
                if (!gone(object.schema, object.table) && !dropped.onTable.contains(table + QLatin1Char('/') + object.name))
                    leave(statement.index, QStringLiteral("%1 %2 on %3")
                                               .arg(object.kind == CreatedObject::Kind::Policy ? "policy" : "trigger", object.name, table));
                break;
            case CreatedObject::Kind::Column:
            case CreatedObject::Kind::RowLevelSecurity:
                break;  // a created table's columns go with it; RLS is a property, not an object
            }
        }
        if (statement.nodeType != QLatin1String("AlterTableStmt") || text(statement.body, "objtype") != QLatin1String("OBJECT_TABLE"))
            continue;
        const QJsonObject relation = child(statement.body, "relation");
        const QString table = withSchema(text(relation, "schemaname"), text(relation, "relname"));
        for (const QJsonValue &value : list(statement.body, "cmds")) {
            const QJsonObject cmd = child(value.toObject(), "AlterTableCmd");
            if (text(cmd, "subtype") != QLatin1String("AT_AddColumn"))
                continue;
            const QString column = table + QLatin1Char('.') + text(child(child(cmd, "def"), "ColumnDef"), "colname");
            if (!gone(text(relation, "schemaname"), text(relation, "relname")) && !dropped.columns.contains(column))
                leave(statement.index, QStringLiteral("column %1").arg(column));
        }
    }
    return left;
}
