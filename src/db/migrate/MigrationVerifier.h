#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/run/RunReport.h"

struct EngineSession;
class Transaction;

// Verify: the migration's verify script, or checks derived from its up file when it has none,
// run in a READ ONLY transaction that is rolled back; each statement under a savepoint, so one
// failing check does not hide the others. The outcome goes to the audit when the database allows.
class MigrationVerifier {
public:
    explicit MigrationVerifier(EngineSession &session);

    RunReport verify(const MigrationFile &migration);
    // The migration's verify script run as verify runs it, but left out of the audit: a question
    // the status asks of an unrecorded migration (was it applied by hand?). Empty when it could
    // not run at all.
    QList<CheckResult> verifyScriptQuietly(const MigrationFile &migration);

private:
    // A verify query returns rows of (check_name, passed[, detail]).
    QList<CheckResult> runVerifyScript(const MigrationFile &migration, Transaction &transaction, RunReport *report);
    QList<CheckResult> runDerivedChecks(const MigrationFile &migration, Transaction &transaction, RunReport *report);
    void audit(const MigrationFile &migration, const QDateTime &startedAt, RunReport *report);

    EngineSession &m_session;
};
