#pragma once

class CliOutput;
class PgConnection;
struct CliOptions;

namespace CliVerbs {

// `export SCHEMA.TABLE [--where CONDITION] --csv FILE | --jsonl FILE`: the table's rows streamed
// through COPY to the file (CSV with a header, or one JSON object a line), memory bounded at any
// size, in a read-only transaction. The file appears whole or not at all (a failure or Ctrl-C
// leaves nothing). Exit 0, 1 (the server refused), 2 (usage: the name, the condition), 3, 130.
int exportRows(const CliOptions &options, CliOutput &output, PgConnection &connection);

}  // namespace CliVerbs
