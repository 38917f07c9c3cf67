#include "core/schema/MigrationPlan.h"

#include "core/schema/SchemaAlter.h"

#include <algorithm>
#include <functional>

bool MigrationPlan::handledApart(const QString &kind)
{
    return kind == QLatin1String("grant") || kind == QLatin1String("default privilege") || kind == QLatin1String("comment");
}

MigrationPlan::MigrationPlan(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &reorder)
    : m_from(from)
    , m_to(to)
{
    // Numbered in name order, so that the same comparison writes the same SQL.
    QStringList tables = reorder.values();
    std::sort(tables.begin(), tables.end());
    for (const QString &table : tables)
        m_moved.insert(table, int(m_moved.size()) + 1);
    if (!reorder.isEmpty())
        for (const SchemaObject &sequence : m_from.objects())
            if (sequence.kind == QLatin1String("sequence") && m_to.contains(sequence.key()) && !sequence.text("owned_by").isEmpty())
                if (const SchemaObject *column = m_from.find(QStringLiteral("column ") + sequence.text("owned_by")); column && reorder.contains(column->parent))
                    m_keptSequences[column->parent].append(&sequence);
    decide();
    propagate();
}

bool MigrationPlan::gone(const QString &key) const
{
    const Action a = action(key);
    return a == Action::Drop || a == Action::Recreate;
}

bool MigrationPlan::fresh(const QString &key) const
{
    const Action a = action(key);
    return a == Action::Create || a == Action::Recreate;
}

// The key of what holds a column, constraint, index, policy or trigger: a table, a domain, or
// a materialized view (its indexes).
QString MigrationPlan::parentKey(const SchemaObject &object) const
{
    // A domain and a table cannot share a name (the table's row type has it): the flag is asked
    // only where a domain has it.
    if (object.kind == QLatin1String("constraint")) {
        const QString domain = QStringLiteral("type ") + object.parent;
        if ((m_from.contains(domain) || m_to.contains(domain)) && object.flag("on_domain"))
            return domain;
    }
    const QString view = QStringLiteral("view ") + object.parent;
    return m_from.contains(view) || m_to.contains(view) ? view : QStringLiteral("table ") + object.parent;
}

// Dropped with something else: its table, or the column that owns a sequence.
bool MigrationPlan::droppedImplicitly(const SchemaObject &object) const
{
    // A foreign key goes first even with its table: the table it references may go before. So do a
    // policy (the other tables it reads may go before its own) and a domain's constraint (the
    // function it calls may go before the domain, which waits for the columns that have it).
    if (!object.parent.isEmpty() && gone(parentKey(object)) && object.text("type") != QLatin1String("f") && !object.flag("on_domain")
        && object.kind != QLatin1String("policy"))
        return true;
    if (object.kind == QLatin1String("table") && !object.text("partition_of").isEmpty()
        && gone(QStringLiteral("table ") + object.text("partition_of")))
        return true;  // a partitioned table takes its partitions with it
    if (object.kind == QLatin1String("sequence") && !object.text("owned_by").isEmpty()) {
        const QString column = QStringLiteral("column ") + object.text("owned_by");
        const SchemaObject *owner = m_from.find(column);
        return gone(column) || (owner && gone(QStringLiteral("table ") + owner->parent));
    }
    return false;
}

bool MigrationPlan::readsRetypedColumn(const SchemaObject &object) const
{
    for (const QString &used : object.dependsOn)
        if (action(used) == Action::Alter)
            if (const SchemaObject *before = m_from.find(used), *after = m_to.find(used); before && after && SchemaAlter::retypes(*before, *after))
                return true;
    return false;
}

void MigrationPlan::decide()
{
    // An inherited column comes and goes with its parent's; asked last, of the few that differ
    // (asking every column would parse the attrs of all).
    const auto inherited = [](const SchemaObject &object) { return object.kind == QLatin1String("column") && object.flag("inherited"); };
    for (const SchemaObject &before : m_from.objects()) {
        if (handledApart(before.kind))
            continue;
        const SchemaObject *after = m_to.find(before.key());
        if ((after && after->definition == before.definition) || inherited(before))
            continue;
        if (!after)
            m_actions.insert(before.key(), Action::Drop);
        else
            m_actions.insert(before.key(), SchemaAlter::needsRecreate(before, *after) ? Action::Recreate : Action::Alter);
    }
    for (const SchemaObject &after : m_to.objects())
        if (!handledApart(after.kind) && !m_from.contains(after.key()) && !inherited(after))
            m_actions.insert(after.key(), Action::Create);
    for (auto it = m_moved.cbegin(); it != m_moved.cend(); ++it)
        m_actions.insert(QStringLiteral("table ") + it.key(), Action::Recreate);
}

// A sequence a column of a table made again owns: kept, its value with it.
bool MigrationPlan::keptSequence(const SchemaObject &sequence) const
{
    for (const QList<const SchemaObject *> &kept : m_keptSequences)
        if (kept.contains(&sequence))
            return true;
    return false;
}

void MigrationPlan::recreate(const SchemaObject &object, const QString &because)
{
    m_actions.insert(object.key(), Action::Recreate);
    m_notes.insert(object.key(), QStringLiteral("dropped and created again: it uses %1, which changes").arg(because));
}

// What depends on something dropped, re-created or re-typed goes and comes back with it.
void MigrationPlan::propagate()
{
    bool changed = true;
    while (changed) {
        changed = false;
        // Where nothing goes, no parent is looked up (a key made for each of thousands of
        // columns, each round).
        bool anyGone = std::any_of(m_actions.cbegin(), m_actions.cend(), [](Action a) { return a == Action::Drop || a == Action::Recreate; });
        for (const SchemaObject &object : m_from.objects()) {
            const QString key = object.key();
            if (handledApart(object.kind) || !m_to.contains(key))
                continue;
            // The children of a table that is created again come back with it.
            if (anyGone && !object.parent.isEmpty() && action(parentKey(object)) == Action::Recreate && !fresh(key)) {
                m_actions.insert(key, object.kind == QLatin1String("column") ? Action::Create : Action::Recreate);
                changed = true;
                continue;
            }
            if (fresh(key) || (!m_keptSequences.isEmpty() && object.kind == QLatin1String("sequence") && keptSequence(object)))
                continue;
            for (const QString &used : object.dependsOn) {
                const SchemaObject *usedObject = m_from.find(used);
                const bool usedGoes = anyGone && (gone(used) || (usedObject && !usedObject->parent.isEmpty() && gone(parentKey(*usedObject))));
                const SchemaObject *usedAfter = m_to.find(used);
                // A column's new type, or a composite type's attribute's: what reads it is made again.
                const bool retyped = usedObject && usedAfter && action(used) == Action::Alter
                    && (SchemaAlter::retypes(*usedObject, *usedAfter) || SchemaAlter::attributeTypesChange(*usedObject, *usedAfter));
                if (!usedGoes && !retyped)
                    continue;
                const QString &kind = object.kind;
                // PostgreSQL refuses to change the type of a column that a view, rule, policy,
                // trigger, BEGIN ATOMIC function or generated column reads.
                const bool generated = kind == QLatin1String("column") && !object.text("generated").isEmpty();
                if (kind == QLatin1String("view") || kind == QLatin1String("policy") || kind == QLatin1String("trigger")
                    || kind == QLatin1String("rule") || kind == QLatin1String("function") || generated
                    || (usedGoes && (kind == QLatin1String("index") || kind == QLatin1String("constraint")
                                     || kind == QLatin1String("sequence") || kind == QLatin1String("statistics")))) {
                    // Named by what changes: a column's table when the table is made again.
                    const bool parentGoes = usedGoes && !gone(used);
                    recreate(object, parentGoes ? parentKey(*usedObject) : used);
                    changed = anyGone = true;
                    break;
                }
                if (kind == QLatin1String("column") && usedGoes && !m_resetDefaults.contains(key)) {
                    m_resetDefaults.insert(key);
                    changed = true;
                }
            }
        }
    }
}

QStringList MigrationPlan::columnsUsing(const SchemaObject &used, int depth) const
{
    const bool collation = used.kind == QLatin1String("collation");
    const auto names = [&used](const QString &type) { return type == used.name || type == used.name + QStringLiteral("[]"); };
    QStringList columns;
    for (const SchemaObject &object : m_from.objects()) {
        if (object.kind == QLatin1String("column") && !gone(object.key())
            && (collation ? object.text("collation") == used.name : names(object.text("type"))))
            columns.append(object.parent + QLatin1Char('.') + object.text("column"));
        // A type that holds it: its columns hold it too (a composite of composites, a domain).
        if (collation || depth >= 8 || object.kind != QLatin1String("type") || object.key() == used.key())
            continue;
        const QStringList attributes = object.list("attribute_types");
        if (names(object.text("base")) || std::any_of(attributes.cbegin(), attributes.cend(), names))
            columns += columnsUsing(object, depth + 1);
    }
    return columns;
}

QStringList MigrationPlan::tablesInOrder(const QStringList &tables) const
{
    const QStringList ordered = m_to.dependencyOrder(tables);
    QStringList placed;
    QSet<QString> seen;
    std::function<void(const QString &)> place = [&](const QString &key) {
        if (seen.contains(key))
            return;
        seen.insert(key);
        const SchemaObject *table = m_to.find(key);
        for (const QString &used : table->dependsOn)
            if (ordered.contains(used))
                place(used);
        for (const SchemaObject *column : m_to.columns(table->name)) {
            QString type = column->text("type");
            if (type.endsWith(QLatin1String("[]")))
                type.chop(2);
            if (const QString other = QStringLiteral("table ") + type; other != key && ordered.contains(other))
                place(other);
        }
        placed.append(key);
    };
    for (const QString &key : ordered)
        place(key);
    return placed;
}

bool MigrationPlan::inDroppedSchema(const QString &sql) const
{
    for (auto it = actions().cbegin(); it != actions().cend(); ++it)
        if (it.value() == Action::Drop && it.key().startsWith(QLatin1String("schema "))
            && sql.contains(QStringLiteral(" IN SCHEMA %1 ").arg(it.key().mid(7))))
            return true;
    return false;
}
