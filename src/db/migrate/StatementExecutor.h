#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/run/RunReport.h"

#include <functional>

struct EngineSession;

// Runs a script's statements one after another on the session's connection: progress and the
// server's notices per statement, the cancel request honoured between statements, and a failure
// located in the file (the server's error position turned into file:line:column).
class StatementExecutor {
public:
    explicit StatementExecutor(EngineSession &session);

    // From statement `startAt` (0-based) on; each ran statement is added to the report. After a
    // statement that committed on its own (no transaction open), `committed(next)` is told the
    // statement that runs next. False on the first failure or cancel, the report saying where.
    bool run(const MigrationScript &script, RunReport *report, int startAt = 0,
             const std::function<void(int next)> &committed = {});

private:
    EngineSession &m_session;
};
