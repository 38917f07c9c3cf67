#pragma once

#include "core/schema/SchemaModel.h"

#include <QStringList>

// Where a migration from FROM to TO leaves a table's columns in another order than TO has them.
// PostgreSQL adds a column at the end and cannot move one, so the columns end up as FROM's that
// remain, in FROM's order, then the new ones; pg_dump, SELECT * and COPY without a column list
// see that order. The comparison itself ignores order (a difference no migration could close
// would never go away); this says where it differs, one warning per table.
QStringList columnOrderWarnings(const SchemaModel &from, const SchemaModel &to);
