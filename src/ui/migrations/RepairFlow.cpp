#include "ui/migrations/RepairFlow.h"

#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/migrations/RepairDialog.h"

RepairFlow::RepairFlow(DbWorker *worker, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_worker(worker)
    , m_dialogParent(dialogParent)
    , m_confirm([](RepairDialog &dialog) { return dialog.exec() == QDialog::Accepted; })
{
    connect(m_worker, &DbWorker::recordedStatementsRead, this,
            [this](const QString &version, bool recorded, const QStringList &statements, const QString &) {
                remember(version, recorded, statements);
            });
    connect(m_worker, &DbWorker::repairPrepared, this, &RepairFlow::ask);
}

void RepairFlow::setTarget(Environment environment, const QString &database, const QString &projectRef)
{
    m_environment = environment;
    m_database = database;
    m_projectRef = projectRef;
}

void RepairFlow::start(const MigrationStatusRow &row, const MigrationFile *file, bool markApplied)
{
    m_version = row.version;
    m_displayName = file ? file->displayName() : row.version + QLatin1Char('_') + row.name;
    m_file = file ? std::optional<MigrationFile>(*file) : std::nullopt;
    m_recorded = false;
    m_recordedStatements.clear();
    emit busy(tr("Reading the history and running the verify checks of %1 …").arg(row.version));
    postTo(m_worker, [version = row.version, markApplied](DbWorker &w) { w.prepareRepair(version, markApplied); });
}

void RepairFlow::remember(const QString &version, bool recorded, const QStringList &statements)
{
    if (version != m_version)
        return;
    m_recorded = recorded;
    m_recordedStatements = statements;
}

void RepairFlow::ask(const QString &version, bool markApplied, const RunReport &checks)
{
    if (version != m_version)
        return;
    emit idle();
    RepairDialog::Facts facts;
    facts.version = version;
    facts.displayName = m_displayName;
    facts.markApplied = markApplied;
    facts.recorded = m_recorded;
    facts.recordedStatements = m_recordedStatements;
    if (m_file) {
        facts.fileName = m_file->up.fileName();
        facts.fileStatements = m_file->up.cliStatements();
    }
    facts.checks = checks;
    const ActionGuard guard = guardFor(m_environment, markApplied ? tr("mark applied") : tr("mark reverted"), m_displayName,
                                       SqlScript(), m_database, m_projectRef);
    RepairDialog dialog(facts, guard, m_dialogParent);
    if (!m_confirm(dialog) || !dialog.acceptable()) {
        emit declined(tr("Not repaired: %1 was not confirmed; the history is unchanged.").arg(guard.summary));
        return;
    }
    emit busy(tr("Marking %1 %2 …").arg(version, markApplied ? tr("applied") : tr("reverted")));
    postTo(m_worker, [version, markApplied, reason = dialog.reason()](DbWorker &w) { w.repair(version, markApplied, reason); });
}
