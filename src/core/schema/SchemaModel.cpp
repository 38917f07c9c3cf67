#include "core/schema/SchemaModel.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <functional>

QStringList SchemaObject::list(const char *attr) const
{
    QStringList values;
    for (const QJsonValue &value : attrs.value(QLatin1String(attr)).toArray())
        values.append(value.toString());
    return values;
}

bool SchemaObject::hasOwner() const
{
    static const QSet<QString> kOwned{QStringLiteral("schema"), QStringLiteral("table"), QStringLiteral("view"),
                                      QStringLiteral("sequence"), QStringLiteral("function"), QStringLiteral("type")};
    return kOwned.contains(kind);
}

void SchemaModel::add(SchemaObject object)
{
    const int at = int(m_objects.size());
    if (object.cachedKey.isEmpty())
        object.cachedKey = object.kind + QLatin1Char(' ') + object.name;
    m_index.insert(object.cachedKey, at);
    if (!object.parent.isEmpty())
        m_children[object.parent].append(at);
    m_objects.append(std::move(object));
}

void SchemaModel::reserve(int objects)
{
    m_objects.reserve(objects);
    m_index.reserve(objects);
}

const SchemaObject *SchemaModel::find(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? nullptr : &m_objects.at(*it);
}

QList<const SchemaObject *> SchemaModel::children(const QString &parent, const QString &kind) const
{
    QList<const SchemaObject *> found;
    for (int at : m_children.value(parent))
        if (m_objects.at(at).kind == kind)
            found.append(&m_objects.at(at));
    return found;
}

QList<const SchemaObject *> SchemaModel::columns(const QString &table) const
{
    QList<const SchemaObject *> found = children(table, QStringLiteral("column"));
    // Ties (no positions, as in objects made by hand) keep the model's order: the pointers are into
    // one list. std::sort, not stable_sort: no buffer to allocate for each of a thousand tables.
    std::sort(found.begin(), found.end(), [](const SchemaObject *a, const SchemaObject *b) {
        return a->position != b->position ? a->position < b->position : a < b;
    });
    return found;
}

QStringList SchemaModel::dependencyOrder(const QStringList &keys) const
{
    QStringList ordered;
    const QSet<QString> wanted(keys.cbegin(), keys.cend());
    QSet<QString> placed;
    std::function<void(const QString &)> place = [&](const QString &key) {
        if (placed.contains(key))
            return;
        placed.insert(key);
        if (const SchemaObject *object = find(key))
            for (const QString &used : object->dependsOn)
                if (wanted.contains(used))
                    place(used);
        ordered.append(key);
    };
    for (const QString &key : keys)
        place(key);
    return ordered;
}

QStringList SchemaScope::supabaseManagedSchemas()
{
    // Supabase's own schemas, and the bookkeeping of the CLI, pg_cron and this console.
    static const QStringList kManaged = {
        QStringLiteral("auth"), QStringLiteral("storage"), QStringLiteral("realtime"), QStringLiteral("_realtime"),
        QStringLiteral("extensions"), QStringLiteral("graphql"), QStringLiteral("graphql_public"), QStringLiteral("vault"),
        QStringLiteral("supabase_functions"), QStringLiteral("supabase_migrations"), QStringLiteral("cron"),
        QStringLiteral("net"), QStringLiteral("pgsodium"), QStringLiteral("pgsodium_masks"), QStringLiteral("pgbouncer"),
        QStringLiteral("_analytics"), QStringLiteral("pgmq"), QStringLiteral("atlas_console")};
    return kManaged;
}

SchemaScope SchemaScope::fromOptions(const QStringList &include, const QStringList &exclude, bool withManaged)
{
    SchemaScope scope;
    scope.included = include;
    if (!withManaged && include.isEmpty()) {
        for (const QString &schema : supabaseManagedSchemas())
            if (!include.contains(schema))
                scope.excluded.append(schema);
        // Installed by Supabase in every project (and absent from a local server): comparing them
        // would only say that one side is hosted.
        scope.excludedExtensions = {QStringLiteral("pg_graphql"), QStringLiteral("supabase_vault"), QStringLiteral("pgsodium"),
                                    QStringLiteral("pgjwt"), QStringLiteral("pg_stat_statements")};
        // Policies and triggers on Supabase's tables are the project's, unless excluded by name.
        for (const QString &schema : {QStringLiteral("auth"), QStringLiteral("storage"), QStringLiteral("realtime")})
            if (!exclude.contains(schema))
                scope.attached.append(schema);
    }
    for (const QString &schema : exclude)
        if (!scope.excluded.contains(schema))
            scope.excluded.append(schema);
    // The history and this console's audit change when migrations are merely recorded.
    for (const QString &schema : {QStringLiteral("supabase_migrations"), QStringLiteral("atlas_console")})
        if (!scope.excluded.contains(schema) && !include.contains(schema))
            scope.excluded.append(schema);
    return scope;
}
