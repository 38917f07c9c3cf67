#include "core/schema/SchemaDiff.h"

#include <QMap>
#include <QPair>

QList<SchemaChange> diffSnapshots(const QList<CatalogObject> &before, const QList<CatalogObject> &after)
{
    // Several rows may share (kind, name) (e.g. grants to several roles): join their definitions.
    using Key = QPair<QString, QString>;
    const auto index = [](const QList<CatalogObject> &objects) {
        QMap<Key, QStringList> map;
        for (const CatalogObject &o : objects)
            map[Key(o.kind, o.name)].append(o.definition);
        return map;
    };
    const QMap<Key, QStringList> old = index(before);
    const QMap<Key, QStringList> now = index(after);

    QList<SchemaChange> changes;
    auto o = old.constBegin();
    auto n = now.constBegin();
    while (o != old.constEnd() || n != now.constEnd()) {
        SchemaChange change;
        if (n == now.constEnd() || (o != old.constEnd() && o.key() < n.key())) {
            change.type = SchemaChange::Type::Dropped;
            change.kind = o.key().first;
            change.name = o.key().second;
            change.before = o.value().join(QLatin1Char('\n'));
            ++o;
        } else if (o == old.constEnd() || n.key() < o.key()) {
            change.type = SchemaChange::Type::Created;
            change.kind = n.key().first;
            change.name = n.key().second;
            change.after = n.value().join(QLatin1Char('\n'));
            ++n;
        } else {
            QStringList a = o.value();
            QStringList b = n.value();
            a.sort();
            b.sort();
            const bool same = a == b;
            change.type = SchemaChange::Type::Changed;
            change.kind = o.key().first;
            change.name = o.key().second;
            change.before = a.join(QLatin1Char('\n'));
            change.after = b.join(QLatin1Char('\n'));
            ++o;
            ++n;
            if (same)
                continue;
        }
        changes.append(change);
    }
    return changes;
}

QString schemaChangeTypeName(SchemaChange::Type type)
{
    switch (type) {
    case SchemaChange::Type::Created: return QStringLiteral("created");
    case SchemaChange::Type::Changed: return QStringLiteral("changed");
    case SchemaChange::Type::Dropped: return QStringLiteral("dropped");
    }
    return QString();
}
