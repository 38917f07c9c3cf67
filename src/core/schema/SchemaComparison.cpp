#include "core/schema/SchemaComparison.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

QString schemaDifferenceTypeName(SchemaDifference::Type type)
{
    switch (type) {
    case SchemaDifference::Type::Added:
        return QStringLiteral("added");
    case SchemaDifference::Type::Removed:
        return QStringLiteral("removed");
    case SchemaDifference::Type::Changed:
        return QStringLiteral("changed");
    }
    return QString();
}

QHash<QString, QStringList> builtinPrivileges(const QString &on, const QString &owner)
{
    QHash<QString, QStringList> privileges;
    if (on == QLatin1String("tables"))
        privileges.insert(owner, {QStringLiteral("DELETE"), QStringLiteral("INSERT"), QStringLiteral("REFERENCES"), QStringLiteral("SELECT"),
                                  QStringLiteral("TRIGGER"), QStringLiteral("TRUNCATE"), QStringLiteral("UPDATE")});
    else if (on == QLatin1String("sequences"))
        privileges.insert(owner, {QStringLiteral("SELECT"), QStringLiteral("UPDATE"), QStringLiteral("USAGE")});
    else if (on == QLatin1String("functions")) {
        privileges.insert(owner, {QStringLiteral("EXECUTE")});
        privileges.insert(QStringLiteral("PUBLIC"), {QStringLiteral("EXECUTE")});
    } else if (on == QLatin1String("types")) {
        privileges.insert(owner, {QStringLiteral("USAGE")});
        privileges.insert(QStringLiteral("PUBLIC"), {QStringLiteral("USAGE")});
    } else if (on == QLatin1String("schemas"))
        privileges.insert(owner, {QStringLiteral("CREATE"), QStringLiteral("USAGE")});
    return privileges;
}

namespace {

// "for R in all schemas on tables": the groups of default privileges that replace the built-in ones.
QSet<QString> globalDefaultGroups(const SchemaModel &model)
{
    QSet<QString> groups;
    for (const SchemaObject &object : model.objects())
        if (object.kind == QLatin1String("default privilege") && object.text("in_schema").isEmpty())
            groups.insert(object.text("role") + QLatin1Char('\n') + object.text("on"));
    return groups;
}

void addBuiltinDefaults(SchemaModel &model, const QSet<QString> &groups)
{
    for (const QString &group : groups) {
        const QString role = group.section(QLatin1Char('\n'), 0, 0);
        const QString on = group.section(QLatin1Char('\n'), 1, 1);
        const QHash<QString, QStringList> privileges = builtinPrivileges(on, role);
        for (auto it = privileges.cbegin(); it != privileges.cend(); ++it) {
            SchemaObject object;
            object.kind = QStringLiteral("default privilege");
            object.name = QStringLiteral("for %1 in all schemas on %2 to %3").arg(role, on, it.key());
            object.definition = it.value().join(QStringLiteral(", "));
            object.attrs = QJsonObject{{"role", role}, {"on", on}, {"grantee", it.key()},
                                       {"privileges", QJsonArray::fromStringList(it.value())}};
            model.add(object);
        }
    }
}

}  // namespace

void alignSchemaModels(SchemaModel &from, SchemaModel &to)
{
    const QSet<QString> inFrom = globalDefaultGroups(from);
    const QSet<QString> inTo = globalDefaultGroups(to);
    addBuiltinDefaults(from, QSet<QString>(inTo).subtract(inFrom));
    addBuiltinDefaults(to, QSet<QString>(inFrom).subtract(inTo));
}

QList<SchemaDifference> compareSchemas(const SchemaModel &from, const SchemaModel &to)
{
    QList<SchemaDifference> differences;
    for (const SchemaObject &before : from.objects()) {
        const SchemaObject *after = to.find(before.key());
        if (!after)
            differences.append({SchemaDifference::Type::Removed, before.kind, before.name, before.definition, QString()});
        else if (after->definition != before.definition)
            differences.append({SchemaDifference::Type::Changed, before.kind, before.name, before.definition, after->definition});
    }
    for (const SchemaObject &after : to.objects())
        if (!from.contains(after.key()))
            differences.append({SchemaDifference::Type::Added, after.kind, after.name, QString(), after.definition});
    std::sort(differences.begin(), differences.end(), [](const SchemaDifference &a, const SchemaDifference &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
    });
    return differences;
}
