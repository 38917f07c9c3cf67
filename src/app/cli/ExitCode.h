#pragma once

// What every verb of the command line exits with (docs/cli.md).
struct ExitCode {
    enum : int {
        Ok = 0,            // done, nothing found
        Failed = 1,        // a finding or a failure
        Usage = 2,         // usage or bad input: nothing was changed
        NoConnection = 3,  // the database could not be reached
        LockBusy = 4,      // another session holds the migration lock
        Cancelled = 130,   // SIGINT or SIGTERM
    };
};
