#include "core/schema/ColumnOrder.h"

#include <algorithm>

namespace {

// A table's columns by name, in their order in the table.
QStringList columnsInOrder(const SchemaModel &model, const QString &table)
{
    QList<const SchemaObject *> columns = model.children(table, QStringLiteral("column"));
    std::stable_sort(columns.begin(), columns.end(), [](const SchemaObject *a, const SchemaObject *b) {
        return a->attrs.value(QLatin1String("position")).toInt() < b->attrs.value(QLatin1String("position")).toInt();
    });
    QStringList names;
    for (const SchemaObject *column : columns)
        names.append(column->text("column"));
    return names;
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
                                .arg(table.name, after.join(QStringLiteral(", ")), wanted.join(QStringLiteral(", "))));
    }
    return warnings;
}
