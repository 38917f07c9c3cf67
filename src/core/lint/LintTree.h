#pragma once

#include "core/sql/ParseTree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Shapes of libpg_query's parse tree that several lint rules read: column definitions, their
// constraints and types, default expressions, and the tables a query reads.
namespace LintTree {

// The Constraint bodies of a ColumnDef (NOT NULL, DEFAULT, PRIMARY KEY, REFERENCES, ...).
QList<QJsonObject> constraintsOf(const QJsonObject &columnDef);
bool hasConstraint(const QJsonObject &columnDef, const char *contype);
QJsonObject constraintOf(const QJsonObject &columnDef, const char *contype);
// The type's own name, without pg_catalog: "int4", "serial", "varchar", "bpchar", "timestamptz".
QString typeName(const QJsonObject &columnDef);
// A default that PostgreSQL cannot record in the catalog (a volatile function call): adding a
// column with it rewrites the table.
bool isVolatileDefault(const QJsonObject &expression);
// Whether any RangeVar under `node` names `schema`.`table`.
bool reads(const QJsonValue &node, const QString &schema, const QString &table);
// A DefElem option's value as a boolean: no value, true/on/yes/1 (string or number).
bool truthy(const QJsonObject &defElem);
// The byte location of a node (ColumnDef, Constraint, RoleSpec ...), or -1.
inline qsizetype location(const QJsonObject &node)
{
    return node.contains(QLatin1String("location")) ? node.value(QLatin1String("location")).toInteger(-1) : -1;
}

}  // namespace LintTree
