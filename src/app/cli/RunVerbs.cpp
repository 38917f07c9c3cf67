// plan, apply, rollback and verify: the verbs that run a migration's statements.
#include "app/cli/CliVerbs.h"

#include "app/cli/ExitCode.h"
#include "core/sql/SqlScript.h"
#include "db/blockers/BlockerWatch.h"
#include "db/migrate/MigrationRunner.h"
#include "db/migrate/RelationSizes.h"

#include <cstdio>

namespace CliVerbs {

namespace {

RunReport nothingTo(const QString &message)
{
    RunReport nothing;
    nothing.ok = nothing.skipped = true;
    nothing.message = message;
    return nothing;
}

}  // namespace

int exitCodeFor(const QList<RunReport> &reports)
{
    for (const RunReport &r : reports) {
        if (r.cancelled)
            return ExitCode::Cancelled;
        if (r.lockBusy)
            return ExitCode::LockBusy;
        if (r.preflightFailed)
            return ExitCode::Usage;  // nothing was changed
        if (!r.ok)
            return ExitCode::Failed;
    }
    return ExitCode::Ok;
}

int plan(VerbContext &c)
{
    const QString folder = c.catalog.folder;
    if (c.options.down) {
        const QString v = c.options.version.isEmpty() ? newestRecordedVersion(c.current.rows) : c.options.version;
        const MigrationFile *file = c.catalog.find(v);
        if (!file)
            return c.failEarly(ExitCode::Usage, v.isEmpty() ? QStringLiteral("nothing is applied; nothing to roll back")
                                                            : QStringLiteral("no migration file with version %1 in %2").arg(v, folder));
        c.reports.append(c.runner.dryRun(*file, true));
        return exitCodeFor(c.reports);
    }
    const QString upTo = c.options.version.isEmpty() ? c.options.to : c.options.version;
    if (!upTo.isEmpty() && !c.catalog.find(upTo))
        return c.failEarly(ExitCode::Usage, QStringLiteral("no migration with version %1 in %2").arg(upTo, folder));
    c.reports = c.runner.dryRunPending(c.catalog, upTo);
    QStringList touched;
    for (const RunReport &r : c.reports) {
        if (const MigrationFile *f = c.catalog.find(r.version)) {
            for (const SqlStatement &s : f->up.parsed().statements)
                for (const LockEffect &l : s.locks)
                    touched << l.relation;
        }
    }
    c.sizes = relationSizes(c.connection, touched);
    if (c.reports.isEmpty())
        c.reports.append(nothingTo(QStringLiteral("nothing to preview: no pending migrations")));
    return exitCodeFor(c.reports);
}

int apply(VerbContext &c)
{
    if (!c.options.to.isEmpty() && !c.catalog.find(c.options.to))
        return c.failEarly(ExitCode::Usage, QStringLiteral("no migration with version %1 in %2").arg(c.options.to, c.catalog.folder));
    {
        // While it applies: who blocks it, when it waits longer than a second. The watch reports
        // from its own thread: through stdio, which locks, not the Qt stream.
        const bool colour = c.output.colour();
        BlockerWatch watch(c.conninfo, c.runner.backendPid(), [colour](const QString &line) {
            std::fprintf(stderr, "%sblocked:%s %s\n", colour ? "\x1b[33m" : "", colour ? "\x1b[0m" : "",
                         line.toLocal8Bit().constData());
            std::fflush(stderr);
        });
        // A migration that failed part way outside a transaction goes on only when asked.
        for (const MigrationStatusRow &row : c.current.rows) {
            if (!c.options.resume || row.resumeFrom <= 0 || (!c.options.to.isEmpty() && versionLess(c.options.to, row.version)))
                continue;
            c.reports.append(c.runner.resume(*c.catalog.find(row.version), row.resumeFrom));
            if (!c.reports.last().ok)
                break;
        }
        if (c.reports.isEmpty() || c.reports.last().ok)
            c.reports += c.runner.applyPending(c.catalog, c.options.to, c.options.includeOutOfOrder);
    }
    if (!c.reports.isEmpty() && c.reports.last().resumeFrom > 0)
        c.output.say(QStringLiteral("`apply --resume` runs %1 on from statement %2; `rollback %1` runs its down file")
                         .arg(c.reports.last().version)
                         .arg(c.reports.last().resumeFrom + 1));
    return exitCodeFor(c.reports);
}

int rollback(VerbContext &c)
{
    const QString v = c.options.version.isEmpty() ? newestRecordedVersion(c.current.rows) : c.options.version;
    if (v.isEmpty()) {
        c.reports.append(nothingTo(QStringLiteral("nothing is applied; nothing to roll back")));
        return exitCodeFor(c.reports);
    }
    const MigrationFile *file = c.catalog.find(v);
    if (!file)
        return c.failEarly(ExitCode::Usage,
                           QStringLiteral("%1 %2 has no file in %3: its down file is needed to roll it back")
                               .arg(c.options.version.isEmpty() ? QStringLiteral("the newest applied migration") : QStringLiteral("migration"),
                                    v, c.catalog.folder));
    c.reports.append(c.runner.rollback(*file));
    return exitCodeFor(c.reports);
}

int verify(VerbContext &c)
{
    QList<const MigrationFile *> targets;
    if (!c.options.version.isEmpty()) {
        if (!c.catalog.find(c.options.version))
            return c.failEarly(ExitCode::Usage,
                               QStringLiteral("no migration with version %1 in %2").arg(c.options.version, c.catalog.folder));
        targets.append(c.catalog.find(c.options.version));
    } else {
        for (const MigrationStatusRow &row : c.current.rows) {
            if ((row.state == MigrationState::Applied || row.state == MigrationState::Modified) && row.hasFile)
                targets.append(c.catalog.find(row.version));
        }
    }
    for (const MigrationFile *file : targets)
        c.reports.append(c.runner.verify(*file));
    if (c.reports.isEmpty())
        c.reports.append(nothingTo(QStringLiteral("nothing to verify: no migration is applied")));
    return exitCodeFor(c.reports);
}

}  // namespace CliVerbs
