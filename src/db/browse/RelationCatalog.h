#pragma once

#include "core/browse/BrowseTypes.h"
#include "db/pg/PgResult.h"

class PgConnection;

// What the browser shows of a database before any row: its tables and views, and the structure
// of one (columns, key, constraints, indexes, RLS and policies, triggers, grants, size).
namespace RelationCatalog {

PgResult listRelations(PgConnection &connection, QList<RelationInfo> *relations);
PgResult describe(PgConnection &connection, const QString &schema, const QString &name, RelationStructure *structure);

}  // namespace RelationCatalog
