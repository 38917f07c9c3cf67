#include "core/schema/RenameHint.h"

namespace {

QString shape(const SchemaModel &model, const SchemaObject &object)
{
    if (object.kind == QLatin1String("column"))
        return object.definition;
    QStringList columns;
    for (const SchemaObject *column : model.children(object.name, QStringLiteral("column")))
        columns.append(column->definition);
    return columns.join(QLatin1Char('\n'));
}

}  // namespace

QString renameHint(const SchemaModel &from, const SchemaModel &to, const SchemaObject &object)
{
    if (object.kind != QLatin1String("table") && object.kind != QLatin1String("column"))
        return QString();
    const bool dropping = !to.contains(object.key());
    const SchemaModel &other = dropping ? to : from;
    const SchemaModel &own = dropping ? from : to;
    const QString mine = shape(own, object);
    for (const SchemaObject &candidate : other.objects()) {
        if (candidate.kind != object.kind || candidate.parent != object.parent || own.contains(candidate.key())
            || candidate.schema != object.schema || shape(other, candidate) != mine)
            continue;
        const QString oldName = dropping ? object.name : candidate.name;
        const QString newName = dropping ? candidate.name : object.name;
        return QStringLiteral("looks like a rename of %1 to %2: if it is, write ALTER %3 ... RENAME instead, which keeps the data")
            .arg(oldName, newName, object.kind == QLatin1String("table") ? QStringLiteral("TABLE") : QStringLiteral("TABLE ... COLUMN"));
    }
    return QString();
}
