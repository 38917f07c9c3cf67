#include "db/migrate/MigrationRunner.h"

#include "core/run/Actor.h"
#include "db/migrate/HistoryReader.h"
#include "db/migrate/MigrationApplier.h"
#include "db/migrate/MigrationLock.h"
#include "db/migrate/MigrationPreview.h"
#include "db/migrate/MigrationVerifier.h"
#include "db/migrate/PreflightCheck.h"
#include "core/status/Presence.h"
#include "db/migrate/PresenceProbe.h"
#include "db/pg/PgConnection.h"

namespace {

QList<const MigrationScript *> upScripts(const QList<const MigrationFile *> &migrations)
{
    QList<const MigrationScript *> scripts;
    for (const MigrationFile *migration : migrations)
        scripts << &migration->up;
    return scripts;
}

}  // namespace

MigrationRunner::MigrationRunner(PgConnection &connection, RunnerOptions options)
    : m_session(connection, std::move(options))
{
}

void MigrationRunner::setOptions(const RunnerOptions &options)
{
    m_session.options = options;
    if (m_session.options.actor.isEmpty())
        m_session.options.actor = currentActor();
}

void MigrationRunner::cancel()
{
    m_session.cancelled = true;
    m_session.connection.cancel();
}

StatusReport MigrationRunner::status(const MigrationCatalog &catalog)
{
    return status(catalog, readHistory());
}

HistorySnapshot MigrationRunner::readHistory()
{
    return HistoryReader::read(m_session.connection);
}

StatusReport MigrationRunner::status(const MigrationCatalog &catalog, HistorySnapshot snapshot)
{
    StatusReport report;
    if (snapshot.error.isError()) {
        report.error = snapshot.error;
        return report;
    }
    report.rows = computeStatus(catalog, snapshot.history, snapshot.audit);
    // For the migrations whose statements differ, read them to say which statement differs.
    QStringList drifted;
    for (const MigrationStatusRow &row : report.rows) {
        if (row.state == MigrationState::Modified)
            drifted << row.version;
    }
    QHash<QString, QStringList> statements;
    if (!drifted.isEmpty() && HistoryReader::readStatements(m_session.connection, drifted, &statements).ok()) {
        for (HistoryEntry &entry : snapshot.history) {
            if (statements.contains(entry.version))
                entry.statements = statements.value(entry.version);
        }
        report.rows = computeStatus(catalog, snapshot.history, snapshot.audit);
    }
    markPresentMigrations(m_session, catalog, &report.rows);
    return report;
}

RunReport MigrationRunner::reportFor(const MigrationFile &migration, RunDirection direction, bool dryRun)
{
    RunReport report;
    report.version = migration.version;
    report.name = migration.name;
    report.direction = direction;
    report.dryRun = dryRun;
    return report;
}

bool MigrationRunner::preflight(const QList<const MigrationScript *> &scripts, RunReport *report)
{
    QList<Requirement> missing;
    const PgResult checked = findMissing(m_session.connection, requirementsOf(scripts), &missing);
    if (!checked.ok()) {
        report->error = checked.error();
        report->message = QStringLiteral("could not check what the migrations need from the database: %1").arg(checked.error().toString());
        return false;
    }
    if (missing.isEmpty())
        return true;
    report->preflightFailed = true;
    report->message = QStringLiteral("this database lacks what the migrations need; nothing was run or changed:\n  %1")
                          .arg(describeMissing(missing).join(QStringLiteral("\n  ")));
    return false;
}

bool MigrationRunner::nothingPresent(const MigrationCatalog &catalog, const QList<MigrationStatusRow> &rows,
                                     const QString &toVersion, bool includeOutOfOrder, RunReport *report)
{
    const QList<MigrationStatusRow> present = presentUnrecorded(rows, toVersion, includeOutOfOrder);
    if (present.isEmpty())
        return true;
    QStringList why;
    for (const MigrationStatusRow &row : present)
        why << presentRefusal(row, catalog.find(row.version)->displayName());
    report->version = present.first().version;
    report->name = present.first().name;
    report->message = why.join(QLatin1Char('\n'));
    report->presentUnrecorded = true;
    return false;
}

RunReport MigrationRunner::apply(const MigrationFile &migration, const MigrationCatalog *catalog)
{
    RunReport refused = reportFor(migration, RunDirection::Up, false);
    if (catalog) {
        const StatusReport current = status(*catalog);
        for (const MigrationStatusRow &row : current.rows) {
            if (row.version == migration.version && !row.presentByVerifyScript
                && (row.state == MigrationState::PresentNotRecorded || row.state == MigrationState::PartlyPresent)) {
                refused.message = presentRefusal(row, migration.displayName());
                refused.presentUnrecorded = true;
                return refused;
            }
        }
    }
    if (!preflight({&migration.up}, &refused))
        return refused;
    return MigrationApplier(m_session).run(migration, RunDirection::Up, false);
}

RunReport MigrationRunner::resume(const MigrationFile &migration, int resumeFrom)
{
    RunReport refused = reportFor(migration, RunDirection::Up, false);
    if (!preflight({&migration.up}, &refused))
        return refused;
    return MigrationApplier(m_session).run(migration, RunDirection::Up, false, resumeFrom);
}

RunReport MigrationRunner::rollback(const MigrationFile &migration)
{
    RunReport refused = reportFor(migration, RunDirection::Down, false);
    if (migration.down.exists() && !preflight({&migration.down}, &refused))
        return refused;
    return MigrationApplier(m_session).run(migration, RunDirection::Down, false);
}

RunReport MigrationRunner::dryRun(const MigrationFile &migration, bool down)
{
    const RunDirection direction = down ? RunDirection::Down : RunDirection::Up;
    RunReport refused = reportFor(migration, direction, true);
    const MigrationScript &script = down ? migration.down : migration.up;
    if (script.exists() && !preflight({&script}, &refused))
        return refused;
    return MigrationPreview(m_session).dryRun(migration, direction);
}

QList<RunReport> MigrationRunner::dryRunPending(const MigrationCatalog &catalog, const QString &toVersion)
{
    const StatusReport current = status(catalog);
    if (!current.ok()) {
        RunReport report;
        report.message = QStringLiteral("could not read the migration history: %1").arg(current.error.toString());
        return {report};
    }
    const QList<const MigrationFile *> pending = pendingMigrations(catalog, current.rows, toVersion, false);
    RunReport refused;
    refused.dryRun = true;
    if (!nothingPresent(catalog, current.rows, toVersion, false, &refused) || !preflight(upScripts(pending), &refused))
        return {refused};
    return MigrationPreview(m_session).dryRunInOrder(pending);
}

RunReport MigrationRunner::verify(const MigrationFile &migration)
{
    return MigrationVerifier(m_session).verify(migration);
}

RunReport MigrationRunner::repair(const QString &version, const MigrationFile *file, RepairStatus status, const QString &reason)
{
    return MigrationRepairer(m_session).repair(version, file, status, reason);
}

QList<RunReport> MigrationRunner::applyPending(const MigrationCatalog &catalog, const QString &toVersion, bool includeOutOfOrder)
{
    const auto failWith = [](const QString &message) {
        RunReport report;
        report.message = message;
        return QList<RunReport>{report};
    };
    if (catalog.hasErrors()) {
        QStringList lines;
        for (const CatalogIssue &issue : catalog.errors())
            lines << issue.toString();
        return failWith(QStringLiteral("the migrations folder has errors; nothing was applied:\n%1").arg(lines.join('\n')));
    }
    if (!toVersion.isEmpty() && !catalog.find(toVersion))
        return failWith(QStringLiteral("no migration with version %1 in %2").arg(toVersion, catalog.folder));

    MigrationLock lock(m_session.connection, m_session.options.transactionPooled);
    if (!m_session.options.transactionPooled) {
        RunReport refused;
        if (!m_session.takeLock(lock, &refused))
            return {refused};
    }
    const StatusReport current = status(catalog);
    if (!current.ok())
        return failWith(QStringLiteral("could not read the migration history: %1").arg(current.error.toString()));

    const QList<const MigrationFile *> pending = pendingMigrations(catalog, current.rows, toVersion, includeOutOfOrder);
    RunReport refused;
    if (!nothingPresent(catalog, current.rows, toVersion, includeOutOfOrder, &refused) || !preflight(upScripts(pending), &refused))
        return {refused};
    QList<RunReport> reports;
    for (const MigrationFile *migration : pending) {
        if (m_session.cancelled) {
            RunReport stopped;
            stopped.version = migration->version;
            stopped.name = migration->name;
            stopped.cancelled = true;
            stopped.message = QStringLiteral("cancelled: %1 and the migrations after it were not applied").arg(migration->displayName());
            reports.append(stopped);
            break;
        }
        reports.append(MigrationApplier(m_session).run(*migration, RunDirection::Up, !m_session.options.transactionPooled));
        if (!reports.last().ok)
            break;
    }
    if (!reports.isEmpty())
        return reports;
    RunReport nothing;
    nothing.ok = true;
    nothing.skipped = true;
    int outOfOrder = 0;
    for (const MigrationStatusRow &row : current.rows)
        outOfOrder += row.state == MigrationState::OutOfOrder ? 1 : 0;
    nothing.message = outOfOrder > 0
        ? QStringLiteral("nothing to apply in order; %1 out-of-order migration(s) need --include-out-of-order").arg(outOfOrder)
        : QStringLiteral("nothing to apply: the database is up to date");
    return {nothing};
}
