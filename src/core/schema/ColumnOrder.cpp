#include "core/schema/ColumnOrder.h"

namespace {

// A table's columns by their names in the model (public.t."Tier": shared, not copied), in their
// order in the table.
QStringList columnsInOrder(const SchemaModel &model, const QString &table)
{
    QStringList names;
    for (const SchemaObject *column : model.columns(table))
        names.append(column->name);
    return names;
}

// The column names as SQL writes them, without their table's: "Tier".
QString columnList(const QStringList &names, const QString &table)
{
    QStringList own;
    for (const QString &name : names)
        own.append(name.mid(table.size() + 1));
    return own.join(QStringLiteral(", "));
}

}  // namespace

QStringList columnOrderWarnings(const SchemaModel &from, const SchemaModel &to)
{
    QStringList warnings;
    for (const SchemaObject &table : to.objects()) {
        if (table.kind != QLatin1String("table") || !from.contains(table.key()))
            continue;
        const QStringList wanted = columnsInOrder(to, table.name);
        const QStringList before = columnsInOrder(from, table.name);
        if (before == wanted)
            continue;  // most tables
        QStringList after;
        for (const QString &column : before)
            if (wanted.contains(column))
                after.append(column);
        for (const QString &column : wanted)
            if (!before.contains(column))
                after.append(column);
        if (after != wanted)
            warnings.append(QStringLiteral("%1: after this migration its columns are in the order (%2), the target's are (%3): "
                                           "PostgreSQL adds a column at the end and cannot move one (the comparison ignores the order; "
                                           "recreate the table if SELECT * or COPY without a column list must see the target's order)")
                                .arg(table.name, columnList(after, table.name), columnList(wanted, table.name)));
    }
    return warnings;
}
