#pragma once

#include "core/schema/SchemaAttrs.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// One object of a database's schema as resources/sql/schema/model.sql reads it: what it is, its
// definition as text (compared, and shown side by side), and the parts the SQL generator needs.
struct SchemaObject {
    QString kind;        // schema, extension, table, column, constraint, index, view, sequence, function,
                         // type, policy, trigger, grant, default privilege, publication, comment
    QString name;        // schema-qualified and quoted as SQL writes it: public."Daily".tier
    QString schema;      // unquoted; empty for what is database-wide (extensions, publications)
    QString parent;      // the table or domain of a column, constraint, index, policy or trigger
    QString definition;
    SchemaAttrs attrs;
    int position = 0;       // a column's number in its table (attnum), for its order; 0 for the rest
    QStringList dependsOn;  // keys ("view public.v") of the objects this one uses
    QString cachedKey;      // set by SchemaModel::add

    // "kind name": what identifies it in a model (kept once the model holds it: asked for often).
    QString key() const { return cachedKey.isEmpty() ? kind + QLatin1Char(' ') + name : cachedKey; }
    QString text(const char *attr) const { return attrs.value(QLatin1String(attr)).toString(); }
    bool flag(const char *attr) const { return attrs.value(QLatin1String(attr)).toBool(); }
    QStringList list(const char *attr) const;
    // Whether objects of its kind have an owner (in their attrs, and named in their definition).
    bool hasOwner() const;
};

// A database's schema: its objects, by key.
class SchemaModel {
public:
    QString source;       // what it was read from, for messages: "profile staging", "folder migrations/"
    QString currentUser;  // the role that read it: the one a migration on it would run as

    void add(SchemaObject object);  // its key is the one it has (cachedKey), else made here
    void reserve(int objects);
    const QList<SchemaObject> &objects() const { return m_objects; }
    const SchemaObject *find(const QString &key) const;
    bool contains(const QString &key) const { return m_index.contains(key); }
    // The objects whose parent is `parent` (a table's columns, constraints, ...), in model order.
    QList<const SchemaObject *> children(const QString &parent, const QString &kind) const;
    // A table's columns in the table's order.
    QList<const SchemaObject *> columns(const QString &table) const;
    // `keys` ordered so that what an object uses (of `keys`) comes before it.
    QStringList dependencyOrder(const QStringList &keys) const;

private:
    QList<SchemaObject> m_objects;
    QHash<QString, int> m_index;
    QHash<QString, QList<int>> m_children;
};

// Which schemas a comparison reads. By default everything but what Supabase manages (its schemas
// change with the platform, not with the project's migrations) and the tools' bookkeeping; the
// project's own policies and triggers on Supabase's tables (storage.objects, auth.users) count.
struct SchemaScope {
    QStringList excluded;
    QStringList included;   // when not empty, only these
    QStringList attached;   // excluded schemas whose tables' policies and triggers still count
    QStringList excludedExtensions;  // the platform's own: in every hosted project, not the project's doing

    static QStringList supabaseManagedSchemas();
    // The default scope changed by --include-schema / --exclude-schema: an included schema is
    // read even when Supabase manages it; with includes, only those are read.
    static SchemaScope fromOptions(const QStringList &include, const QStringList &exclude, bool withManaged = false);
};
