#include "core/schema/DependencyLinks.h"

#include <QHash>

#include <algorithm>

size_t qHash(const CatalogAddress &address, size_t seed)
{
    return qHashMulti(seed, address.classId, address.objectId, address.subId);
}

void linkDependencies(QList<SchemaObject> &objects, const QList<CatalogAddress> &addresses, const QList<CatalogLink> &links)
{
    QHash<CatalogAddress, int> objectAt;
    objectAt.reserve(addresses.size());
    for (int i = 0; i < addresses.size(); ++i)
        if (addresses.at(i).classId != 0)
            objectAt.insert(addresses.at(i), i);
    QHash<CatalogAddress, CatalogAddress> aliases;
    for (const CatalogLink &link : links)
        if (link.alias)
            aliases.insert(link.from, link.to);
    const auto resolve = [&](CatalogAddress address) {
        if (const auto found = objectAt.constFind(address); found != objectAt.cend())
            return *found;
        if (const auto alias = aliases.constFind(address); alias != aliases.cend()) {
            if (const auto found = objectAt.constFind(*alias); found != objectAt.cend())
                return *found;
            address = *alias;
        }
        if (address.subId != 0) {  // a view's columns stand for the view
            const auto whole = objectAt.constFind(CatalogAddress{address.classId, address.objectId, 0});
            if (whole != objectAt.cend() && objects.at(*whole).kind == QLatin1String("view"))
                return *whole;
        }
        return -1;
    };
    QHash<int, QList<int>> used;  // by the index of the object that uses them
    for (const CatalogLink &link : links) {
        if (link.alias)
            continue;
        const int user = resolve(link.from);
        const int usedObject = user < 0 ? -1 : resolve(link.to);
        if (usedObject >= 0 && usedObject != user)
            used[user].append(usedObject);
    }
    for (auto it = used.begin(); it != used.end(); ++it) {
        QStringList keys;
        keys.reserve(it.value().size());
        for (int i : it.value())
            keys.append(objects.at(i).key());
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        objects[it.key()].dependsOn = keys;
    }
}
