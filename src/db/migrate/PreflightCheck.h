#pragma once

#include "core/preflight/Preflight.h"
#include "db/pg/PgResult.h"

class PgConnection;

// The requirements of a migration run (core/preflight) that this database does not meet, in one
// round trip; read-only.
PgResult findMissing(PgConnection &connection, const QList<Requirement> &requirements, QList<Requirement> *missing);
