#include "db/migrate/MigrationRunner.h"

#include "core/run/Actor.h"
#include "db/migrate/HistoryReader.h"
#include "db/migrate/MigrationApplier.h"
#include "db/migrate/MigrationLock.h"
#include "db/migrate/MigrationPreview.h"
#include "db/migrate/MigrationVerifier.h"
#include "db/pg/PgConnection.h"

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
    if (drifted.isEmpty() || !HistoryReader::readStatements(m_session.connection, drifted, &statements).ok())
        return report;
    for (HistoryEntry &entry : snapshot.history) {
        if (statements.contains(entry.version))
            entry.statements = statements.value(entry.version);
    }
    report.rows = computeStatus(catalog, snapshot.history, snapshot.audit);
    return report;
}

RunReport MigrationRunner::apply(const MigrationFile &migration)
{
    return MigrationApplier(m_session).run(migration, RunDirection::Up, false);
}

RunReport MigrationRunner::resume(const MigrationFile &migration, int resumeFrom)
{
    return MigrationApplier(m_session).run(migration, RunDirection::Up, false, resumeFrom);
}

RunReport MigrationRunner::rollback(const MigrationFile &migration)
{
    return MigrationApplier(m_session).run(migration, RunDirection::Down, false);
}

RunReport MigrationRunner::dryRun(const MigrationFile &migration, bool down)
{
    return MigrationPreview(m_session).dryRun(migration, down ? RunDirection::Down : RunDirection::Up);
}

QList<RunReport> MigrationRunner::dryRunPending(const MigrationCatalog &catalog, const QString &toVersion)
{
    const StatusReport current = status(catalog);
    if (!current.ok()) {
        RunReport report;
        report.message = QStringLiteral("could not read the migration history: %1").arg(current.error.toString());
        return {report};
    }
    return MigrationPreview(m_session).dryRunInOrder(pendingMigrations(catalog, current.rows, toVersion, false));
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

    QList<RunReport> reports;
    for (const MigrationFile *migration : pendingMigrations(catalog, current.rows, toVersion, includeOutOfOrder)) {
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
