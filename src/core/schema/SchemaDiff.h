#pragma once

#include <QList>
#include <QString>

// One schema object as a catalog snapshot lists it (resources/sql/catalog_snapshot.sql).
struct CatalogObject {
    QString kind;        // table, column, constraint, index, policy, function, trigger, grant, ...
    QString name;        // qualified: "public.daily_usage", "public.daily_usage.tier"
    QString definition;  // everything else that defines it, as text

    bool operator==(const CatalogObject &o) const
    {
        return kind == o.kind && name == o.name && definition == o.definition;
    }
};

struct SchemaChange {
    enum class Type { Created, Changed, Dropped };
    Type type = Type::Created;
    QString kind;
    QString name;
    QString before;  // definition before (empty when created)
    QString after;   // definition after (empty when dropped)
};

// What differs between two snapshots, ordered by kind then name. An object is identified by
// (kind, name); a changed definition is one change, not a drop and a create.
QList<SchemaChange> diffSnapshots(const QList<CatalogObject> &before, const QList<CatalogObject> &after);

QString schemaChangeTypeName(SchemaChange::Type type);
