#pragma once

#include <QString>

class CliOutput;
struct CliOptions;

namespace CliVerbs {

// `schema-diff --from SOURCE --to SOURCE`: how two schemas differ, and the migration that turns
// FROM into TO on stdout (--json: the differences, both migrations and their findings). SOURCE is
// a connection string or URI, profile:NAME (a saved profile of the console; its password from
// PGPASSWORD or ~/.pgpass, the keychain being the console's) or folder:PATH (built into a shadow
// database on the local server, --shadow-dsn, and dropped). --write NAME writes
// <timestamp>_NAME.sql and its down file into --dir. Exit 0 equal, 1 different, 2 usage,
// 3 connection.
int schemaDiff(const CliOptions &options, CliOutput &output, const QString &folder);

}  // namespace CliVerbs
