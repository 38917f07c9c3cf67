#pragma once

class CliOutput;
struct CliOptions;
class QString;

namespace CliVerbs {

// `lint [FILE...]`: the rule catalogue over the named files, or the migrations of `folder` (their
// up files; a down file at the folder's top level for where it sits). No database, no PG*
// variables. Exit 0 / 1 (an error-level finding; --strict: a warning) / 2 (usage, unreadable or
// unparsable file, located).
int lint(const CliOptions &options, CliOutput &output, const QString &folder);

}  // namespace CliVerbs
