#include "core/lint/LintTree.h"

#include <QSet>

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

bool callsVolatile(const QJsonValue &node)
{
    if (node.isArray()) {
        for (const QJsonValue &item : node.toArray()) {
            if (callsVolatile(item))
                return true;
        }
        return false;
    }
    if (!node.isObject())
        return false;
    const QJsonObject object = node.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("FuncCall")) {
            const QStringList name = names(list(it.value().toObject(), "funcname"));
            if (name.isEmpty() || !nonVolatileFunctions().contains(name.last()))
                return true;
        }
        if (callsVolatile(it.value()))
            return true;
    }
    return false;
}

}  // namespace

bool isVolatileDefault(const QJsonObject &expression)
{
    return callsVolatile(expression);
}

bool reads(const QJsonValue &node, const QString &schema, const QString &table)
{
    if (node.isArray()) {
        for (const QJsonValue &item : node.toArray()) {
            if (reads(item, schema, table))
                return true;
        }
        return false;
    }
    if (!node.isObject())
        return false;
    const QJsonObject object = node.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("RangeVar")) {
            const QJsonObject rangeVar = it.value().toObject();
            if (text(rangeVar, "schemaname") == schema && text(rangeVar, "relname") == table)
                return true;
        } else if (reads(it.value(), schema, table)) {
            return true;
        }
    }
    return false;
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
