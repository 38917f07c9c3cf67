#pragma once

#include "core/schema/SchemaModel.h"

#include <QHash>
#include <QSet>

// What a migration from FROM to TO does to each object, before any SQL is written: kept, created,
// dropped, dropped and created again, or changed in place. Decided from the two definitions, then
// spread to what depends on what goes: a view, policy, trigger or function that reads a column
// whose type changes, or an object that uses one dropped and created again, goes and comes back
// with it; the children of a table made again come back with it. MigrationGenerator writes the
// SQL for the plan.
class MigrationPlan {
public:
    enum class Action { Keep, Create, Drop, Recreate, Alter };

    // `reorder`: the tables (public.notes) made again, with their rows, for their column order.
    MigrationPlan(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &reorder);

    // Grants, default privileges and comments: compared and written apart (AttachedStatements).
    static bool handledApart(const QString &kind);

    Action action(const QString &key) const { return m_actions.value(key, Action::Keep); }
    const QHash<QString, Action> &actions() const { return m_actions; }
    bool gone(const QString &key) const;   // dropped, or dropped to be created again
    bool fresh(const QString &key) const;  // created, or created again
    // Why it is dropped and created again when its own definition does not change.
    QString note(const QString &key) const { return m_notes.value(key); }
    // A column whose default is dropped early and set again (it calls what goes and comes back).
    bool resetsDefault(const QString &key) const { return m_resetDefaults.contains(key); }
    // The key of what holds a column, constraint, index, policy or trigger: a table, a domain, or
    // a materialized view (its indexes).
    QString parentKey(const SchemaObject &object) const;
    // Dropped with something else: its table, or the column that owns a sequence.
    bool droppedImplicitly(const SchemaObject &object) const;
    bool readsRetypedColumn(const SchemaObject &object) const;

    // FROM's columns that stay and whose type is `used` (or an array of it), or a composite type
    // or domain that has it, or whose collation it is: "public.t.c".
    QStringList columnsUsing(const SchemaObject &used, int depth = 0) const;
    // New tables in the order they use each other: a partition after its parent, and a table
    // whose column has another new table's row type after that table (pg_depend ties the column
    // to the row type, which is no object of the model).
    QStringList tablesInOrder(const QStringList &tables) const;
    // Whether a default-privileges statement is about a schema this migration drops: the schema
    // takes its default privileges with it, and the statement would name a schema that is gone.
    bool inDroppedSchema(const QString &sql) const;

    // A table made again for its column order: the number of its scratch schema (0 for others).
    int scratchNumber(const QString &table) const { return m_moved.value(table); }
    // The sequences its columns own, kept (with their values) while it is made again.
    QList<const SchemaObject *> keptSequences(const QString &table) const { return m_keptSequences.value(table); }

protected:
    const SchemaModel &m_from;
    const SchemaModel &m_to;

private:
    void decide();
    bool keptSequence(const SchemaObject &sequence) const;
    void recreate(const SchemaObject &object, const QString &because);
    void propagate();

    QHash<QString, Action> m_actions;
    QHash<QString, QString> m_notes;
    QSet<QString> m_resetDefaults;
    QHash<QString, int> m_moved;
    QHash<QString, QList<const SchemaObject *>> m_keptSequences;  // by table
};
