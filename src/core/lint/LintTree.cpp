#include "core/lint/LintTree.h"

#include <QSet>

#include <algorithm>
#include <functional>

using namespace ParseTree;

namespace LintTree {

QList<QJsonObject> constraintsOf(const QJsonObject &columnDef)
{
    QList<QJsonObject> found;
    for (const QJsonValue &value : list(columnDef, "constraints"))
        found.append(child(value.toObject(), "Constraint"));
    return found;
}

QJsonObject constraintOf(const QJsonObject &columnDef, const char *contype)
{
    for (const QJsonObject &constraint : constraintsOf(columnDef)) {
        if (text(constraint, "contype") == QLatin1String(contype))
            return constraint;
    }
    return {};
}

bool hasConstraint(const QJsonObject &columnDef, const char *contype)
{
    return !constraintOf(columnDef, contype).isEmpty();
}

QString typeName(const QJsonObject &columnDef)
{
    const QStringList parts = names(list(child(columnDef, "typeName"), "names"));
    return parts.isEmpty() ? QString() : parts.last();
}

namespace {

// Functions a default may call without a rewrite: PostgreSQL evaluates them once, when the column
// is added, and records the value.
const QSet<QString> &nonVolatileFunctions()
{
    static const QSet<QString> names = {
        QStringLiteral("now"), QStringLiteral("statement_timestamp"), QStringLiteral("transaction_timestamp"),
        QStringLiteral("current_setting"), QStringLiteral("timezone"), QStringLiteral("to_timestamp"),
        QStringLiteral("make_interval"), QStringLiteral("jsonb_build_object"), QStringLiteral("json_build_object"),
        QStringLiteral("jsonb_build_array"), QStringLiteral("json_build_array"), QStringLiteral("lower"),
        QStringLiteral("upper"), QStringLiteral("concat"), QStringLiteral("array_fill"), QStringLiteral("to_jsonb"),
    };
    return names;
}

// Whether `match` holds for a node anywhere under `node` ({"FuncCall": {...}} is the node "FuncCall"
// with its fields).
bool anyNode(const QJsonValue &node, const std::function<bool(const QString &, const QJsonObject &)> &match)
{
    if (node.isArray()) {
        const QJsonArray items = node.toArray();
        return std::any_of(items.begin(), items.end(), [&](const QJsonValue &item) { return anyNode(item, match); });
    }
    if (!node.isObject())
        return false;
    const QJsonObject object = node.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if ((it.value().isObject() && match(it.key(), it.value().toObject())) || anyNode(it.value(), match))
            return true;
    }
    return false;
}

}  // namespace

bool isVolatileDefault(const QJsonObject &expression)
{
    return anyNode(expression, [](const QString &type, const QJsonObject &call) {
        if (type != QLatin1String("FuncCall"))
            return false;
        const QStringList name = names(list(call, "funcname"));
        return name.isEmpty() || !nonVolatileFunctions().contains(name.last());
    });
}

bool reads(const QJsonValue &node, const QString &schema, const QString &table)
{
    return anyNode(node, [&](const QString &type, const QJsonObject &rangeVar) {
        return type == QLatin1String("RangeVar") && text(rangeVar, "schemaname") == schema && text(rangeVar, "relname") == table;
    });
}

bool truthy(const QJsonObject &defElem)
{
    const QJsonObject arg = child(defElem, "arg");
    if (arg.isEmpty())
        return true;
    if (arg.contains(QLatin1String("Integer")))
        return child(arg, "Integer").value(QLatin1String("ival")).toInt() != 0;
    if (arg.contains(QLatin1String("Boolean")))
        return flag(child(arg, "Boolean"), "boolval");
    const QString value = text(child(arg, "String"), "sval").toLower();
    return value == QLatin1String("true") || value == QLatin1String("on") || value == QLatin1String("yes")
        || value == QLatin1String("1");
}

}  // namespace LintTree
