#pragma once

#include "core/connection/ServerInfo.h"
#include "db/pg/PgResult.h"

class PgConnection;

// Reads what the console shows about a freshly opened connection, in one round trip.
PgResult probeServer(PgConnection &connection, ServerInfo *info);
