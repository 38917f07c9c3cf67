#include "core/schema/ColumnOrder.h"

#include <algorithm>

namespace {

// A table's columns as SQL writes them, without their table's name ("Tier"), in their order.
QStringList columnsInOrder(const SchemaModel &model, const QString &table)
{
    QStringList names;
    for (const SchemaObject *column : model.columns(table))
        names.append(column->name.mid(table.size() + 1));
    return names;
}

// Whether a definition names the type `type` as a whole: followed by a space, comma, bracket or
// the end ("public.cc[]", "composite (x public.cc)", "domain as public.cc NOT NULL").
bool namesType(const QString &definition, const QString &type)
{
    const auto separates = [](QChar c) {
        return c == QLatin1Char(' ') || c == QLatin1Char('\n') || c == QLatin1Char(',') || c == QLatin1Char('(') || c == QLatin1Char(')')
            || c == QLatin1Char('[');
    };
    for (qsizetype at = definition.indexOf(type); at >= 0; at = definition.indexOf(type, at + 1)) {
        const qsizetype end = at + type.size();
        if ((at == 0 || separates(definition.at(at - 1))) && (end == definition.size() || separates(definition.at(end))))
            return true;
    }
    return false;
}

// Why a table cannot simply be made again with its rows: partitions and inheritance tie its
// columns to other tables', other objects use its row type, or it has what the model does not
// read (which the table made again would lose).
QString whyNotRecreated(const SchemaModel &model, const SchemaObject &table)
{
    if (!table.text("partition_by").isEmpty())
        return QStringLiteral("it is partitioned");
    if (!table.text("partition_of").isEmpty())
        return QStringLiteral("it is a partition of %1").arg(table.text("partition_of"));
    if (!table.text("inherits").isEmpty())
        return QStringLiteral("it inherits from %1").arg(table.text("inherits"));
    if (!table.text("not_modelled").isEmpty())
        return QStringLiteral("it has %1, which the comparison does not read and a table made again would lose").arg(table.text("not_modelled"));
    // Its row type as another table's column type, a domain's base or a composite's attribute:
    // those would have to be made again too.
    for (const SchemaObject &other : model.objects()) {
        if (other.kind == QLatin1String("table") && (other.text("inherits") == table.name || other.text("partition_of") == table.name))
            return QStringLiteral("%1 inherits from it").arg(other.name);
        // The definition first (no attrs parsed for most); a column's default may name a function
        // that has the table's name, so its type is asked then.
        const bool column = other.kind == QLatin1String("column");
        if ((column || other.kind == QLatin1String("type")) && namesType(other.definition, table.name)
            && (!column || namesType(other.text("type"), table.name)))
            return QStringLiteral("its row type is used by %1 %2").arg(other.kind, other.name);
    }
    return QString();
}

QString joined(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

}  // namespace

QList<ColumnOrderChange> columnOrderChanges(const SchemaModel &from, const SchemaModel &to)
{
    QList<ColumnOrderChange> changes;
    for (const SchemaObject &table : to.objects()) {
        if (table.kind != QLatin1String("table"))
            continue;
        const SchemaObject *fromTable = from.find(table.key());
        if (!fromTable)
            continue;
        ColumnOrderChange change{table.name, columnsInOrder(from, table.name), {}, columnsInOrder(to, table.name), {}};
        if (change.before == change.wanted)
            continue;  // most tables
        // What stays keeps its place; what is new, or made again (a generated column whose
        // expression changes is dropped and added), comes at the end in TO's order.
        const auto remade = [&](const QString &column) {
            const QString key = QStringLiteral("column %1.%2").arg(table.name, column);
            const SchemaObject *was = from.find(key);
            const SchemaObject *becomes = to.find(key);
            return was && becomes && was->definition != becomes->definition && was->text("generated") != becomes->text("generated");
        };
        for (const QString &column : change.before)
            if (change.wanted.contains(column) && !remade(column))
                change.after.append(column);
        for (const QString &column : change.wanted)
            if (!change.after.contains(column))
                change.after.append(column);
        if (change.after == change.wanted)
            continue;
        change.notRecreated = whyNotRecreated(from, *fromTable);
        if (change.notRecreated.isEmpty())
            change.notRecreated = whyNotRecreated(to, table);
        changes.append(change);
    }
    return changes;
}

QStringList columnOrderWarnings(const QList<ColumnOrderChange> &changes, bool reordering)
{
    QStringList warnings;
    for (const ColumnOrderChange &change : changes) {
        if (reordering && change.recreatable())
            continue;
        const QString remedy = !change.recreatable()
            ? QStringLiteral("it is not recreated to reorder them: %1").arg(change.notRecreated)
            : QStringLiteral("the comparison ignores the order; --reorder-columns (the Compare page's \"Reorder columns\") "
                             "recreates the table with its rows");
        warnings.append(QStringLiteral("%1: after this migration its columns are in the order (%2), the target's are (%3): "
                                       "PostgreSQL adds a column at the end and cannot move one (SELECT *, COPY without a column list "
                                       "and pg_dump see the order); %4")
                            .arg(change.table, joined(change.after), joined(change.wanted), remedy));
    }
    return warnings;
}

void addColumnOrderDifferences(const SchemaModel &from, const SchemaModel &to, const QList<ColumnOrderChange> &changes,
                               QList<SchemaDifference> *differences)
{
    for (const ColumnOrderChange &change : changes) {
        if (!change.recreatable())
            continue;
        const QString key = QStringLiteral("table ") + change.table;
        const auto withOrder = [](const QString &definition, const QStringList &columns) {
            const QString line = QStringLiteral("-- columns in order: ") + joined(columns);
            return definition.isEmpty() ? line : definition + QLatin1Char('\n') + line;
        };
        const auto same = std::find_if(differences->begin(), differences->end(), [&key](const SchemaDifference &d) { return d.key() == key; });
        if (same != differences->end()) {
            same->from = withOrder(same->from, change.before);
            same->to = withOrder(same->to, change.wanted);
            continue;
        }
        const SchemaDifference difference{SchemaDifference::Type::Changed, QStringLiteral("table"), change.table,
                                          withOrder(from.find(key)->definition, change.before), withOrder(to.find(key)->definition, change.wanted)};
        const auto at = std::lower_bound(differences->begin(), differences->end(), difference, [](const SchemaDifference &a, const SchemaDifference &b) {
            return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
        });
        differences->insert(at, difference);
    }
}
