#pragma once

#include "core/schema/SchemaDiff.h"
#include "db/pg/PgResult.h"

class PgConnection;

// Reads the schema catalog as plain values (resources/sql/catalog_snapshot.sql), so that two
// snapshots can be diffed in core. One round trip; read-only.
PgResult takeCatalogSnapshot(PgConnection &connection, QList<CatalogObject> *objects);
