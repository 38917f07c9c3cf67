#pragma once

#include "app/cli/CliOptions.h"
#include "app/cli/CliOutput.h"
#include "core/catalog/MigrationCatalog.h"
#include "core/run/RunReport.h"
#include "core/schema/RelationSize.h"
#include "core/status/MigrationStatus.h"

#include <QJsonObject>

class MigrationRunner;
class PgConnection;

// What a verb works with, and what it leaves for CommandLine to print: its reports, the
// relation sizes of a plan, and its part of the --json document. A verb that fails before any
// result says so through output.fail() and returns its exit code with `failedEarly` set.
struct VerbContext {
    const CliOptions &options;
    CliOutput &output;
    PgConnection &connection;
    MigrationRunner &runner;
    QString conninfo;
    QString targetDescription;  // "local PostgreSQL", "Supabase transaction pooler", ...
    const MigrationCatalog &catalog;
    const StatusReport &current;  // empty for apply, which reads the history under its lock
    QJsonObject &document;
    QList<RunReport> reports;
    RelationSizeMap sizes;
    bool failedEarly = false;

    int failEarly(int code, const QString &message)
    {
        failedEarly = true;
        return output.fail(code, message);
    }
};

// One function per verb; each returns the exit code (ExitCode).
namespace CliVerbs {

int status(VerbContext &context);    // HistoryVerbs.cpp
int diff(VerbContext &context);
int repair(VerbContext &context);
int plan(VerbContext &context);      // RunVerbs.cpp
int apply(VerbContext &context);
int rollback(VerbContext &context);
int verify(VerbContext &context);

// Cancelled, lock busy or failed, in that order, else Ok.
int exitCodeFor(const QList<RunReport> &reports);

}  // namespace CliVerbs
