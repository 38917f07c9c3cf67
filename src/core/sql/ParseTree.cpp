#include "core/sql/ParseTree.h"

namespace ParseTree {

namespace {

// Every "sval" string under a node, in order: the names of an object whatever its shape.
void collectStrings(const QJsonValue &value, QStringList *out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(QLatin1String("sval")) && object.size() == 1) {
            out->append(object.value(QLatin1String("sval")).toString());
            return;
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != QLatin1String("objargs") && it.key() != QLatin1String("objfuncargs")
                && it.key() != QLatin1String("location"))
                collectStrings(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectStrings(item, out);
    }
}

}  // namespace

QString nodeType(const QJsonObject &stmt)
{
    return stmt.isEmpty() ? QString() : stmt.constBegin().key();
}

QJsonObject body(const QJsonObject &stmt)
{
    return stmt.isEmpty() ? QJsonObject() : stmt.constBegin().value().toObject();
}

QString qualifiedName(const QJsonObject &rangeVar)
{
    const QString schema = text(rangeVar, "schemaname");
    const QString table = text(rangeVar, "relname");
    return schema.isEmpty() ? table : schema + QLatin1Char('.') + table;
}

QString relation(const QJsonObject &body, const char *key)
{
    return qualifiedName(child(body, key));
}

QStringList names(const QJsonArray &list)
{
    QStringList result;
    for (const QJsonValue &part : list)
        result << part.toObject().value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString();
    return result;
}

QString objectName(const QJsonValue &object)
{
    const QJsonObject asObject = object.toObject();
    if (asObject.contains(QLatin1String("RangeVar")))
        return qualifiedName(child(asObject, "RangeVar"));
    QStringList parts;
    collectStrings(object, &parts);
    return parts.join(QLatin1Char('.'));
}

QString roleName(const QJsonObject &roleSpec)
{
    return text(roleSpec, "roletype") == QLatin1String("ROLESPEC_PUBLIC") ? QStringLiteral("PUBLIC") : text(roleSpec, "rolename");
}

}  // namespace ParseTree
