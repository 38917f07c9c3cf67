#pragma once

#include "core/schema/SchemaModel.h"
#include "db/pg/PgResult.h"

class PgConnection;

// Reads the schema model of the connected database in `scope`: two statements in one read-only
// transaction (resources/sql/schema/), whatever the number of objects.
PgResult readSchemaModel(PgConnection &connection, const SchemaScope &scope, SchemaModel *model);
