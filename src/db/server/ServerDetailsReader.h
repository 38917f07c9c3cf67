#pragma once

#include "core/connection/ServerDetails.h"

class PgConnection;

// The Server page's sections, read in one read-only transaction: the settings that matter to
// migrations and the connections in use, extensions (installed, available, updates), the
// database's size and largest tables, connections by state and application, and pg_cron's jobs
// with their last runs and failures (a note where pg_cron is not in this database). A section
// whose query fails carries the error as its note; the others are still read.
QList<ServerSection> readServerDetails(PgConnection &connection);
