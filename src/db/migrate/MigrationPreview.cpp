#include "db/migrate/MigrationPreview.h"

#include "core/run/RunnableCheck.h"
#include "db/migrate/CatalogSnapshot.h"
#include "db/migrate/EngineSession.h"
#include "db/migrate/StatementExecutor.h"
#include "db/pg/PgConnection.h"

#include <QElapsedTimer>

namespace {

// A dry run's report before anything ran.
RunReport dryRunReport(const MigrationFile &migration, RunDirection direction)
{
    RunReport report;
    report.version = migration.version;
    report.name = migration.name;
    report.direction = direction;
    report.dryRun = true;
    return report;
}

}  // namespace

MigrationPreview::MigrationPreview(EngineSession &session)
    : m_session(session)
{
}

RunReport MigrationPreview::dryRun(const MigrationFile &migration, RunDirection direction)
{
    QElapsedTimer clock;
    clock.start();
    RunReport report = dryRunReport(migration, direction);
    const MigrationScript &script = direction == RunDirection::Up ? migration.up : migration.down;
    report.message = whyNotRunnable(migration, script, RunMode::DryRun, m_session.options.transactionPooled);
    if (report.message.isEmpty()) {
        Transaction transaction(m_session.connection);
        const PgResult begun = m_session.begin(transaction);
        if (begun.ok())
            report = previewInOpenTransaction(migration, direction);
        else
            report.message = QStringLiteral("could not start the dry run: %1").arg(begun.error().toString());
    }
    report.durationMs = clock.elapsed();
    return report;
}

QList<RunReport> MigrationPreview::dryRunInOrder(const QList<const MigrationFile *> &migrations)
{
    QList<RunReport> reports;
    Transaction transaction(m_session.connection);
    const PgResult begun = m_session.begin(transaction);
    if (!begun.ok()) {
        RunReport report;
        report.message = QStringLiteral("could not start the dry run: %1").arg(begun.error().toString());
        reports.append(report);
        return reports;
    }
    for (const MigrationFile *migration : migrations) {
        RunReport report = dryRunReport(*migration, RunDirection::Up);
        report.message = whyNotRunnable(*migration, migration->up, RunMode::DryRun, m_session.options.transactionPooled);
        if (report.message.isEmpty())
            report = previewInOpenTransaction(*migration, RunDirection::Up);
        reports.append(report);
        if (!report.ok)
            break;
    }
    return reports;
}

RunReport MigrationPreview::previewInOpenTransaction(const MigrationFile &migration, RunDirection direction)
{
    RunReport report = dryRunReport(migration, direction);
    const MigrationScript &script = direction == RunDirection::Up ? migration.up : migration.down;
    QList<CatalogObject> before, after;
    PgResult snapshot = takeCatalogSnapshot(m_session.connection, &before);
    const bool ran = snapshot.ok() && StatementExecutor(m_session).run(script, &report);
    if (ran)
        snapshot = takeCatalogSnapshot(m_session.connection, &after);
    if (!snapshot.ok()) {
        report.message = QStringLiteral("could not read the catalog: %1").arg(snapshot.error().toString());
        return report;
    }
    if (ran) {
        report.ok = true;
        report.schemaChanges = diffSnapshots(before, after);
        report.message = QStringLiteral("dry run of %1: %2 statements ran and were rolled back; %3 schema changes")
                             .arg(script.fileName())
                             .arg(report.statements.size())
                             .arg(report.schemaChanges.size());
    }
    return report;
}
