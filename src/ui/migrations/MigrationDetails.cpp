#include "ui/migrations/MigrationDetails.h"

#include "ui/common/TextWhenShown.h"
#include "ui_MigrationsPage.h"

#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"
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

MigrationDetails::MigrationDetails(Ui::MigrationsPage *ui, DbWorker *worker, QObject *parent)
    : QObject(parent)
    , m_ui(ui)
    , m_worker(worker)
    , m_statements(new StatementsView)
    , m_drift(new DriftView)
{
    m_ui->statementsLayout->addWidget(m_statements);
    m_ui->detailTabs->insertTab(m_ui->detailTabs->indexOf(m_ui->verifyTab), m_drift, tr("Drift"));
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

QString MigrationDetails::dryRunHint()
{
    return tr("Dry run runs the migration (or, when it is applied, its rollback) in a transaction that is rolled back, "
              "and shows what it changes.");
}

void MigrationDetails::show(const MigrationStatusRow *row, const MigrationFile *file, bool connected, bool canRead)
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
            m_ui->detailTabs->setCurrentWidget(m_drift);
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
