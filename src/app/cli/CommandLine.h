#pragma once

// The command-line twin of the console: the same engine, for scripts and CI.
//   atlas-console status | plan | apply | rollback | verify [VERSION] [options]
namespace CommandLine {

// True when argv[1] names a command-line verb (so no window is needed).
bool handles(int argc, char **argv);

// Runs the command; returns the process exit code (see docs/cli.md).
int run(int argc, char **argv);

enum ExitCode { Ok = 0, Failed = 1, Usage = 2, NoConnection = 3, LockBusy = 4, Cancelled = 130 };

}  // namespace CommandLine
