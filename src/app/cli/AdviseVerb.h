#pragma once

class CliOutput;
class PgConnection;
struct CliOptions;

namespace CliVerbs {

// `advise`: Supabase's database advisors run live on the connected database (docs/cli.md). Each
// finding: level, check, object, detail and the SQL that fixes it. Exit 1 when one is an error
// (for CI against staging), 0 otherwise; --json for machines.
int advise(const CliOptions &options, CliOutput &output, PgConnection &connection);

}  // namespace CliVerbs
