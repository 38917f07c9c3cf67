#pragma once

#include "core/schema/SchemaModel.h"

// How one object differs between two schemas, with both definitions.
struct SchemaDifference {
    enum class Type { Added, Removed, Changed };
    Type type = Type::Added;
    QString kind;
    QString name;
    QString from;  // the definition in FROM (empty when added)
    QString to;    // the definition in TO (empty when removed)

    QString key() const { return kind + QLatin1Char(' ') + name; }
};

QString schemaDifferenceTypeName(SchemaDifference::Type type);  // "added", "removed", "changed"

// Makes what PostgreSQL leaves implicit explicit on both sides, so that equal access compares
// equal: a role with default privileges "in all schemas" on one side and none on the other has
// the built-in defaults there (its own full rights; EXECUTE and USAGE for PUBLIC on functions and
// types). Call once on the two models before comparing them or generating SQL.
void alignSchemaModels(SchemaModel &from, SchemaModel &to);

// The objects of TO that FROM lacks, those FROM has and TO lacks, and those whose definition
// differs, ordered by kind and name. An object is the same object when kind and name are; a
// renamed table is one removed and one added.
QList<SchemaDifference> compareSchemas(const SchemaModel &from, const SchemaModel &to);

// The privileges PostgreSQL gives a new object of `on` (tables, sequences, functions, types,
// schemas) when no default privileges say otherwise, by grantee: its owner all, and PUBLIC
// EXECUTE on functions and USAGE on types. Privileges are spelled as the model spells them.
QHash<QString, QStringList> builtinPrivileges(const QString &on, const QString &owner);
