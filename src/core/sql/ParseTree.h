#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Reading libpg_query's JSON parse tree: the few shapes every rule about statements needs.
namespace ParseTree {

// {"CreateStmt": {...}}: "CreateStmt" and its body.
QString nodeType(const QJsonObject &stmt);
QJsonObject body(const QJsonObject &stmt);
// "public.daily_usage" (or "daily_usage" when the schema is not written) from a RangeVar.
QString qualifiedName(const QJsonObject &rangeVar);
// qualifiedName of the RangeVar under `key` of a statement's body.
QString relation(const QJsonObject &body, const char *key = "relation");
// A name list ([{"String": {"sval": "x"}}, ...]) as its strings.
QStringList names(const QJsonArray &list);
// The name of a dropped or granted object, whatever its shape (a RangeVar, a name list, ...).
QString objectName(const QJsonValue &object);
// A RoleSpec: its name, or PUBLIC.
QString roleName(const QJsonObject &roleSpec);
// The text of a string field, and a boolean field, of a node.
inline QString text(const QJsonObject &node, const char *key) { return node.value(QLatin1String(key)).toString(); }
inline bool flag(const QJsonObject &node, const char *key) { return node.value(QLatin1String(key)).toBool(); }
inline QJsonObject child(const QJsonObject &node, const char *key) { return node.value(QLatin1String(key)).toObject(); }
inline QJsonArray list(const QJsonObject &node, const char *key) { return node.value(QLatin1String(key)).toArray(); }

}  // namespace ParseTree
