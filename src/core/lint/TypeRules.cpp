#include "core/lint/LintRules.h"
#include "core/lint/LintTree.h"

#include <QSet>

using namespace ParseTree;

namespace {

// The types one column definition is given, judged (in CREATE TABLE, ADD COLUMN, ALTER TYPE).
void judgeColumn(const LintStatement &s, LintContext &context, const QJsonObject &column, const QString &table, bool key)
{
    const QString type = LintTree::typeName(column);
    const QString name = table + QLatin1Char('.') + text(column, "colname");
    const qsizetype at = LintTree::location(column);
    const bool identity = LintTree::hasConstraint(column, "CONSTR_IDENTITY");
    key = key || identity || LintTree::hasConstraint(column, "CONSTR_PRIMARY");
    static const QSet<QString> serials = {QStringLiteral("serial"), QStringLiteral("serial4"), QStringLiteral("bigserial"),
                                          QStringLiteral("serial8"), QStringLiteral("smallserial"), QStringLiteral("serial2")};
    static const QSet<QString> narrowSerials = {QStringLiteral("serial"), QStringLiteral("serial4"), QStringLiteral("smallserial"),
                                                QStringLiteral("serial2")};
    const bool int4 = type == QLatin1String("int4") || type == QLatin1String("int") || type == QLatin1String("integer");
    const bool int2 = type == QLatin1String("int2") || type == QLatin1String("smallint");
    if (serials.contains(type))
        context.report("prefer-identity", s, QStringLiteral("%1 is %2").arg(name, type), at, table);
    if (narrowSerials.contains(type) || (key && (int4 || int2)))
        context.report("prefer-big-int", s, QStringLiteral("the key %1 is %2").arg(name, type), at, table);
    else if (int4)
        context.report("prefer-bigint-over-int", s, QStringLiteral("%1 is integer").arg(name), at, table);
    else if (int2)
        context.report("prefer-bigint-over-smallint", s, QStringLiteral("%1 is smallint").arg(name), at, table);
    if (type == QLatin1String("bpchar"))
        context.report("ban-char-field", s, QStringLiteral("%1 is char(n)").arg(name), at, table);
    if (type == QLatin1String("varchar") && !list(child(column, "typeName"), "typmods").isEmpty())
        context.report("prefer-text-field", s, QStringLiteral("%1 is varchar(n)").arg(name), at, table);
    if (type == QLatin1String("timestamp"))
        context.report("prefer-timestamptz", s, QStringLiteral("%1 is timestamp without time zone").arg(name), at, table);
}

void createTable(const LintStatement &s, LintContext &context)
{
    const QString table = relation(s.body);
    QSet<QString> keys;  // columns of a table-level PRIMARY KEY (...)
    for (const QJsonValue &element : list(s.body, "tableElts")) {
        const QJsonObject constraint = child(element.toObject(), "Constraint");
        if (text(constraint, "contype") == QLatin1String("CONSTR_PRIMARY")) {
            for (const QString &column : names(list(constraint, "keys")))
                keys.insert(column);
        }
    }
    for (const QJsonValue &element : list(s.body, "tableElts")) {
        const QJsonObject column = child(element.toObject(), "ColumnDef");
        if (!column.isEmpty())
            judgeColumn(s, context, column, table, keys.contains(text(column, "colname")));
    }
}

}  // namespace

void LintRules::columnTypes(const LintStatement &s, LintContext &context)
{
    if (s.nodeType == QLatin1String("CreateStmt")) {
        createTable(s, context);
    } else if (s.nodeType == QLatin1String("AlterTableStmt")) {
        const QString table = relation(s.body);
        for (const QJsonValue &value : list(s.body, "cmds")) {
            const QJsonObject cmd = child(value.toObject(), "AlterTableCmd");
            const QString subtype = text(cmd, "subtype");
            if (subtype != QLatin1String("AT_AddColumn") && subtype != QLatin1String("AT_AlterColumnType"))
                continue;
            QJsonObject column = child(child(cmd, "def"), "ColumnDef");
            if (!column.contains(QLatin1String("colname")))
                column.insert(QStringLiteral("colname"), text(cmd, "name"));
            judgeColumn(s, context, column, table, false);
        }
    }
}
