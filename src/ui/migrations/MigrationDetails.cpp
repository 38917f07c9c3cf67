#include "ui/migrations/MigrationDetails.h"

#include "ui/common/TextWhenShown.h"
#include "ui_MigrationDetails.h"

#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/common/RememberedLayout.h"
#include "ui/migrations/BlockersPanel.h"
#include "ui/common/SqlHighlighter.h"
#include "ui/migrations/DriftView.h"
#include "ui/migrations/RunReportView.h"
#include "ui/migrations/StatementsView.h"

#include <QFontDatabase>

namespace {

// "<b>file</b> · down: ... · verify: ...<br>state: why", above the SQL.
QString fileLine(const MigrationStatusRow &row, const MigrationFile *file)
{
    if (row.state == MigrationState::Skipped)
        return MigrationDetails::tr("<b>%1</b> is not a migration: %2").arg(row.name.toHtmlEscaped(), row.detail.toHtmlEscaped());
    QString text = file ? QStringLiteral("<b>%1</b>").arg(file->up.fileName().toHtmlEscaped())
                        : MigrationDetails::tr("<b>no file</b> for version %1").arg(row.version);
    if (file)
        text += MigrationDetails::tr(" · down: %1 · verify: %2")
                    .arg(file->down.exists() ? file->down.fileName() : MigrationDetails::tr("none"),
                         file->verify.exists() ? file->verify.fileName() : MigrationDetails::tr("derived from the up file"));
    if (!row.detail.isEmpty())
        text += QStringLiteral("<br>%1: %2").arg(migrationStateName(row.state), row.detail.toHtmlEscaped());
    return text;
}

}  // namespace

MigrationDetails::MigrationDetails(DbWorker *worker, QWidget *parent)
    : QTabWidget(parent)
    , m_ui(std::make_unique<Ui::MigrationDetails>())
    , m_worker(worker)
    , m_statements(new StatementsView)
    , m_drift(new DriftView)
    , m_blockers(new BlockersPanel)
{
    m_ui->setupUi(this);
    m_ui->statementsLayout->addWidget(m_statements);
    insertTab(indexOf(m_ui->verifyTab), m_drift, tr("Drift"));
    addTab(m_blockers, tr("Blockers"));
    RememberedLayout::keep(m_ui->dryRunTree->header(), QStringLiteral("migrations/dryRun"));
    RememberedLayout::keep(m_ui->verifyTree->header(), QStringLiteral("migrations/verify"));
    RememberedLayout::keep(m_ui->historyTree->header(), QStringLiteral("migrations/history"));
    new SqlHighlighter(m_ui->sqlView->document());
    TextWhenShown::set(m_ui->dryRunLabel, dryRunHint());
    connect(m_worker, &DbWorker::recordedStatementsRead, this, &MigrationDetails::showRecorded);
    connect(m_worker, &DbWorker::auditRead, this, [this](const QString &version, const QList<AuditRow> &rows) {
        if (version == m_version)
            RunReportView::showAttempts(rows, m_ui->historyTree);
    });
    connect(m_worker, &DbWorker::relationSizesRead, this, [this](const QString &version, const RelationSizeMap &sizes) {
        if (version == m_version)
            m_statements->setSizes(sizes);
    });
}

MigrationDetails::~MigrationDetails() = default;

QString MigrationDetails::dryRunHint()
{
    return tr("Dry run runs the migration (or, when it is applied, its rollback) in a transaction that is rolled back, "
              "and shows what it changes.");
}

void MigrationDetails::showMigration(const MigrationStatusRow *row, const MigrationFile *file, bool connected, bool canRead)
{
    m_version = row ? row->version : QString();
    m_file = file ? std::optional<MigrationFile>(*file) : std::nullopt;
    // The fixed-width font is looked up (a fontconfig match, milliseconds) with the first SQL to
    // show, not while the window opens on an empty view.
    if (file && !m_sqlFontSet) {
        m_sqlFontSet = true;
        m_ui->sqlView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    m_ui->sqlView->setPlainText(file ? file->up.sql() : QString());
    m_statements->clear();
    m_ui->dryRunTree->clear();
    m_ui->verifyTree->clear();
    m_ui->historyTree->clear();
    TextWhenShown::set(m_ui->dryRunLabel, dryRunHint());
    m_ui->verifyLabel->clear();
    if (!row) {
        m_ui->fileLabel->clear();
        return;
    }
    m_ui->fileLabel->setText(fileLine(*row, file));
    if (row->state == MigrationState::Skipped) {
        m_drift->showMessage(tr("%1 is not a migration.").arg(row->name));
        return;
    }
    const QString version = row->version;
    if (file) {
        m_statements->showScript(file->up);
        const QStringList touched = m_statements->touchedRelations();
        if (canRead && !touched.isEmpty())
            postTo(m_worker, [version, touched](DbWorker &w) { w.readRelationSizes(version, touched); });
    }
    if (row->recorded && connected) {
        m_drift->showMessage(tr("Reading the statements recorded for %1 …").arg(version));
        if (canRead)
            postTo(m_worker, [version](DbWorker &w) { w.readRecordedStatements(version); });
        if (row->state == MigrationState::Modified)
            setCurrentWidget(m_drift);
    } else {
        m_drift->showMessage(row->recorded ? tr("Not connected.") : tr("%1 is not recorded as applied: nothing to compare with.").arg(version));
    }
    if (canRead)
        postTo(m_worker, [version](DbWorker &w) { w.readAudit(version); });
}

void MigrationDetails::showRecorded(const QString &version, bool recorded, const QStringList &statements, const QString &error)
{
    if (version != m_version)
        return;
    if (!error.isEmpty())
        m_drift->showMessage(tr("Could not read the recorded statements: %1").arg(error));
    else if (!recorded)
        m_drift->showMessage(tr("%1 is not recorded as applied: nothing to compare with.").arg(version));
    else if (!m_file)
        m_drift->showMessage(tr("The history records %n statement(s) for %1, and the folder has no file for it.", nullptr,
                                int(statements.size())).arg(version));
    else
        m_drift->showDiff(m_file->up.fileName(), statements, m_file->up.cliStatements());
}

void MigrationDetails::showDryRun(const RunReport &report, const QList<LintFinding> &findings)
{
    RunReportView::showDryRun(report, findings, m_ui->dryRunTree, m_ui->dryRunLabel);
    setCurrentWidget(m_ui->dryRunTab);
}

void MigrationDetails::showChecks(const RunReport &report)
{
    RunReportView::showChecks(report, m_ui->verifyTree, m_ui->verifyLabel);
    setCurrentWidget(m_ui->verifyTab);
}

void MigrationDetails::showBlockerCount(int count, bool bringForward)
{
    setTabText(indexOf(m_blockers), count > 0 ? tr("Blockers (%1)").arg(count) : tr("Blockers"));
    if (bringForward)
        setCurrentWidget(m_blockers);
}
