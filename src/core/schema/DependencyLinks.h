#pragma once

#include "core/schema/SchemaModel.h"

// Where an object is in the catalog, as pg_depend names it: (classid, objid, objsubid).
struct CatalogAddress {
    quint32 classId = 0;  // 0: not in the catalog (a grant, a comment)
    quint32 objectId = 0;
    qint32 subId = 0;     // a column's number; 0 for a whole object

    bool operator==(const CatalogAddress &other) const
    {
        return classId == other.classId && objectId == other.objectId && subId == other.subId;
    }
};
size_t qHash(const CatalogAddress &address, size_t seed = 0);

// A row of resources/sql/schema/links.sql: `from` uses `to` (pg_depend), or is another name for it.
struct CatalogLink {
    bool alias = false;
    CatalogAddress from;
    CatalogAddress to;
};

// Sets the dependsOn of `objects` (the keys of what each uses, each once, sorted) from the links.
// `addresses[i]` is where objects[i] is. An address no object has is taken through an alias (a
// view's rewrite rule, a column's default, a relation's row type) or, a view's column, to its view.
// A link with an end outside the objects (a built-in, another schema) or from an object to itself
// is left out.
void linkDependencies(QList<SchemaObject> &objects, const QList<CatalogAddress> &addresses, const QList<CatalogLink> &links);
