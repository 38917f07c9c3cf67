#pragma once

#include "core/schema/SchemaModel.h"
#include "db/pg/PgResult.h"

class PgConnection;

// Reads the schema model of the connected database in `scope`, in one read-only snapshot,
// whatever the number of objects (resources/sql/schema/): the tables' columns on a second
// connection to the same database that imports the snapshot, the rest on this one, side by side;
// on this one alone where the second cannot be had, or while another read of the same server
// runs (it has a query for each core then).
PgResult readSchemaModel(PgConnection &connection, const SchemaScope &scope, SchemaModel *model);
