#include "ui/migrations/MigrationsPage.h"

#include "core/lint/Linter.h"

#include "ui_MigrationsPage.h"

#include "ui/common/ButtonShortcut.h"
#include "ui/common/RememberedLayout.h"

#include "core/run/DurationText.h"
#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/migrations/BlockersPanel.h"
#include "ui/migrations/ConfirmDialog.h"
#include "ui/migrations/MigrationDetails.h"
#include "ui/migrations/MigrationListView.h"
#include "ui/migrations/RepairFlow.h"
#include "ui/migrations/RunReportView.h"

#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>

MigrationsPage::MigrationsPage(DbWorker *worker, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::MigrationsPage>())
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_list = new MigrationListView(m_ui->migrationTree, m_ui->filterEdit, this);
    m_repair = new RepairFlow(m_worker, this);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);
    m_listFitted = RememberedLayout::keep(m_ui->splitter, QStringLiteral("migrations/splitter"));
    m_ui->progressBar->setVisible(false);
    m_confirm = [this](const ActionGuard &guard) { return ConfirmDialog(guard, this).exec() == QDialog::Accepted; };
    setUpActions();

    connect(m_list, &MigrationListView::selectionChanged, this, &MigrationsPage::showSelection);
    connect(m_repair, &RepairFlow::busy, this, [this](const QString &what) { setBusy(true, what); });
    connect(m_repair, &RepairFlow::idle, this, [this] { setBusy(false); });
    connect(m_repair, &RepairFlow::declined, this, [this](const QString &why) {
        m_ui->resultLabel->setText(why);
        emit operationDone(QStringLiteral("repair"), false);
    });
    connect(m_worker, &DbWorker::statusRead, this, &MigrationsPage::showStatus);
    connect(m_worker, &DbWorker::operationFinished, this, &MigrationsPage::showReport);
    connect(m_worker, &DbWorker::progressed, this, [this](int index, int count, const QString &statement) {
        if (!m_busy)
            return;
        m_ui->progressBar->setMaximum(count);
        m_ui->progressBar->setValue(index + 1);
        m_ui->progressBar->setFormat(QStringLiteral("%1/%2 %3").arg(index + 1).arg(count).arg(statement.simplified().left(60)));
    });
    connect(m_worker, &DbWorker::noticeReceived, this, [this](const QString &notice) { m_ui->noticeView->appendPlainText(notice); });
    updateActions();
}

MigrationsPage::~MigrationsPage() = default;

MigrationDetails *MigrationsPage::details()
{
    if (m_details)
        return m_details;
    m_details = new MigrationDetails(m_worker);
    m_ui->detailLayout->addWidget(m_details);
    connect(m_details->blockersPanel(), &BlockersPanel::blockersShown, this, &MigrationsPage::showBlockers);
    if (!m_session.isEmpty())
        setSession(m_session);
    showSelectionDetails();
    return m_details;
}

BlockersPanel *MigrationsPage::blockersPanel()
{
    return details()->blockersPanel();
}

void MigrationsPage::setUpActions()
{
    auto *repairMenu = new QMenu(this);
    repairMenu->addAction(tr("Mark &applied…"), this, [this] { repairSelected(true); })->setObjectName(QStringLiteral("markAppliedAction"));
    repairMenu->addAction(tr("Mark &reverted…"), this, [this] { repairSelected(false); })->setObjectName(QStringLiteral("markRevertedAction"));
    m_ui->repairButton->setMenu(repairMenu);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &MigrationsPage::refresh);
    connect(m_ui->dryRunButton, &QPushButton::clicked, this, &MigrationsPage::dryRunSelected);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &MigrationsPage::applySelected);
    connect(m_ui->rollbackButton, &QPushButton::clicked, this, &MigrationsPage::rollbackSelected);
    connect(m_ui->verifyButton, &QPushButton::clicked, this, &MigrationsPage::verifySelected);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &MigrationsPage::cancel);
    const QString saved = QSettings().value(QStringLiteral("migrations/lockTimeout"), QStringLiteral("4s")).toString();
    m_ui->lockTimeoutCombo->setCurrentText(saved);
    setLockTimeout(m_ui->lockTimeoutCombo->currentText());
    // Saved when the user changes it: writing the settings file at start-up would slow it.
    connect(m_ui->lockTimeoutCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (setLockTimeout(text))
            QSettings().setValue(QStringLiteral("migrations/lockTimeout"), text.trimmed());
    });
    // While the page is shown, wherever the focus is on it.
    ButtonShortcut::add(m_ui->refreshButton, QKeySequence::Refresh, this, Qt::WindowShortcut);
    ButtonShortcut::add(m_ui->cancelButton, QKeySequence(Qt::Key_Escape), this, Qt::WindowShortcut);
    ButtonShortcut::add(m_ui->dryRunButton, QKeySequence(Qt::CTRL | Qt::Key_D), this, Qt::WindowShortcut);
    ButtonShortcut::add(m_ui->applyButton, QKeySequence(Qt::CTRL | Qt::Key_Return), this, Qt::WindowShortcut);
}

void MigrationsPage::setFolder(const QString &folder)
{
    m_folder = folder;
    m_ui->folderLabel->setText(folder);
}

void MigrationsPage::setTarget(Environment environment, const QString &database, const QString &projectRef)
{
    m_environment = environment;
    m_database = database;
    m_projectRef = projectRef;
    m_repair->setTarget(environment, database, projectRef);
}

void MigrationsPage::setRepairConfirmer(std::function<bool(RepairDialog &)> confirmer)
{
    m_repair->setConfirmer(std::move(confirmer));
}

void MigrationsPage::setConnected(bool connected)
{
    m_connected = connected;
    refresh();  // without a connection the folder still shows, its states unknown
    updateActions();
}

bool MigrationsPage::setLockTimeout(const QString &text)
{
    if (!isDurationWithUnit(text)) {
        m_ui->lockTimeoutCombo->setStyleSheet(QStringLiteral("QComboBox { color: #b00020; }"));
        m_ui->lockTimeoutCombo->setToolTip(tr("\"%1\" is not a duration: write a number with ms, s, min or h, like 4s or 2min. "
                                              "The previous value stays in force.").arg(text));
        return false;
    }
    m_ui->lockTimeoutCombo->setStyleSheet(QString());
    m_ui->lockTimeoutCombo->setToolTip(tr("lock_timeout for apply and roll back: how long a statement waits for a lock before "
                                          "the migration fails and rolls back (every query on that table queues behind the "
                                          "wait). Now %1.").arg(text.trimmed()));
    postTo(m_worker, [timeout = QString(text).remove(QLatin1Char(' '))](DbWorker &w) { w.setLockTimeout(timeout); });
    return true;
}

void MigrationsPage::setSession(const QString &conninfo)
{
    m_session = conninfo;
    if (!m_details)
        return;  // given to the panel when it is made
    m_details->blockersPanel()->setConnection(conninfo);
    m_details->blockersPanel()->setEngineSession(m_worker->engineBackendPid());
}

void MigrationsPage::showBlockers(int count)
{
    // The migration waits for a lock: say so where the user looks, once.
    const bool first = m_busy && count > 0 && !m_blockersShownThisRun;
    details()->showBlockerCount(count, first);
    if (!first)
        return;
    m_blockersShownThisRun = true;
    m_ui->resultLabel->setText(tr("Waiting for a lock held by pid %1; see Blockers to cancel it, or Cancel the migration.")
                                   .arg(m_details->blockersPanel()->blockers().first().pid));
}

void MigrationsPage::refresh()
{
    if (m_folder.isEmpty() || m_busy)
        return;
    m_refreshing = tr("Reading the folder and the history …");
    setBusy(true, m_ui->resultLabel->text().isEmpty() ? m_refreshing : QString());
    postTo(m_worker, [folder = m_folder](DbWorker &w) { w.refreshStatus(folder); });
}

void MigrationsPage::showStatus(const MigrationCatalog &catalog, const StatusReport &status)
{
    setBusy(false);
    m_catalog = catalog;
    // Without a database the folder still shows, every migration's state unknown.
    m_list->showRows(status.ok() ? status.rows : statusUnknown(catalog, status.error.message));
    fitListOnce();
    QStringList problems;
    for (const CatalogIssue &issue : catalog.issues)
        problems << issue.toString();
    // Keep the last action's result in view; replace it only with what is wrong now.
    if (!problems.isEmpty())
        m_ui->resultLabel->setText(problems.join(QLatin1Char('\n')).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    else if (!status.ok())
        m_ui->resultLabel->setText(status.error.toString().toHtmlEscaped());
    else if (m_ui->resultLabel->text() == m_refreshing)
        m_ui->resultLabel->clear();
    updateActions();
    emit statusShown();
}

void MigrationsPage::fitListOnce()
{
    QTreeWidget *tree = m_ui->migrationTree;
    const QList<int> sizes = m_ui->splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (m_listFitted || tree->topLevelItemCount() == 0 || total <= 0)
        return;  // again when it has rows and a size
    m_listFitted = true;
    int needed = 2 * tree->frameWidth() + tree->verticalScrollBar()->sizeHint().width();
    for (int column : {0, 1, 2})  // version, state, name
        needed += tree->header()->sectionSize(column);
    const int list = std::min(needed, total / 2);
    m_ui->splitter->setSizes({list, total - list});  // set, not dragged: not saved as the user's
    // The details take what the window gains or loses; the list keeps its width.
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
}

QString MigrationsPage::selectedVersion() const
{
    return m_list->selectedVersion();
}

const QList<MigrationStatusRow> &MigrationsPage::rows() const
{
    return m_list->rows();
}

void MigrationsPage::selectVersion(const QString &version)
{
    m_list->selectVersion(version);
}

void MigrationsPage::showSelection()
{
    // Not made for it: the folder's list can arrive before the window's first paint.
    if (m_details)
        showSelectionDetails();
    updateActions();
}

void MigrationsPage::showSelectionDetails()
{
    const MigrationStatusRow *row = m_list->selectedRow();
    m_details->showMigration(row, row ? m_catalog.find(row->version) : nullptr, m_connected, m_connected && !m_busy);
}

void MigrationsPage::repairSelected(bool markApplied)
{
    const MigrationStatusRow *row = m_list->selectedRow();
    if (!m_connected || m_busy || !row)
        return;
    if (markApplied && !row->hasFile) {
        m_ui->resultLabel->setText(tr("%1 has no file: only Mark reverted can repair it.").arg(row->version));
        return;
    }
    m_repair->start(*row, m_catalog.find(row->version), markApplied);
}

void MigrationsPage::updateActions()
{
    const MigrationStatusRow *row = m_list->selectedRow();
    const bool ready = m_connected && !m_busy && row && row->hasFile;
    const bool applied = row && (row->state == MigrationState::Applied || row->state == MigrationState::Modified);
    const bool pending = row && (row->state == MigrationState::Pending || row->state == MigrationState::OutOfOrder
                                 || (row->state == MigrationState::Failed && !row->appliedAt));
    // Applied by hand: its objects are there and its history row is not. Apply would fail on what
    // exists; the way out is to record it, after seeing its checks.
    const bool verifiedOnly = row && row->state == MigrationState::PresentNotRecorded && row->presentByVerifyScript;
    const bool present = row && !verifiedOnly
        && (row->state == MigrationState::PresentNotRecorded || row->state == MigrationState::PartlyPresent);
    // Failed part way outside a transaction: apply resumes, roll back runs the down file.
    const bool halfDone = row && row->resumeFrom > 0;
    m_ui->dryRunButton->setEnabled(ready && !halfDone && (pending || verifiedOnly || present || (applied && row->hasDown)));
    m_ui->dryRunButton->setText(applied ? tr("Preview &rollback") : tr("&Dry run"));
    m_ui->applyButton->setEnabled(ready && (pending || verifiedOnly || present) && !m_catalog.hasErrors());
    m_ui->applyButton->setText(halfDone  ? tr("Resume at statement %1").arg(row->resumeFrom + 1)
                               : present ? tr("Record as &applied…")
                                         : tr("&Apply"));
    m_ui->applyButton->setToolTip(present ? tr("Its objects are in the database and its history row is not: record it as "
                                               "applied without running it, after seeing its checks")
                                          : tr("Run the migration in a transaction and record it in the history")
                                      + QStringLiteral(" (Ctrl+Enter)"));
    m_ui->rollbackButton->setEnabled(ready && (applied || halfDone) && row->hasDown);
    m_ui->rollbackButton->setText(halfDone ? tr("Run &down file") : tr("Roll &back"));
    m_ui->verifyButton->setEnabled(ready && applied);
    m_ui->repairButton->setEnabled(m_connected && !m_busy && row);
    m_ui->cancelButton->setEnabled(m_busy);
    m_ui->refreshButton->setEnabled(!m_busy);
}

void MigrationsPage::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_ui->progressBar->setVisible(busy);
    m_ui->progressBar->setValue(0);
    m_ui->progressBar->setMaximum(0);  // indeterminate until the first statement reports
    if (busy && !what.isEmpty())
        m_ui->resultLabel->setText(what);
    updateActions();
    emit busyChanged(busy);
}

bool MigrationsPage::confirm(const QString &action, const MigrationScript &script)
{
    const MigrationStatusRow *row = m_list->selectedRow();
    const ActionGuard guard = guardFor(m_environment, action, row->version + QLatin1Char('_') + row->name, script.parsed(),
                                       m_database, m_projectRef);
    if (guard.kind == ActionGuard::Kind::None || m_confirm(guard))
        return true;
    m_ui->resultLabel->setText(tr("Not run: %1 was not confirmed.").arg(guard.summary));
    emit operationDone(action, false);
    return false;
}

void MigrationsPage::dryRunSelected()
{
    if (!m_ui->dryRunButton->isEnabled())
        return;
    const MigrationStatusRow *row = m_list->selectedRow();
    const bool down = row->state == MigrationState::Applied || row->state == MigrationState::Modified;
    m_ui->noticeView->clear();
    setBusy(true, down ? tr("Previewing the rollback of %1 …").arg(row->version) : tr("Dry run of %1 …").arg(row->version));
    postTo(m_worker, [version = row->version, down](DbWorker &w) { w.dryRun(version, down); });
}

void MigrationsPage::applySelected()
{
    if (!m_ui->applyButton->isEnabled())
        return;
    const MigrationStatusRow *row = m_list->selectedRow();
    if (row->state == MigrationState::PartlyPresent
        || (row->state == MigrationState::PresentNotRecorded && !row->presentByVerifyScript))
        repairSelected(true);
    else
        runGuarded(RunDirection::Up);
}

void MigrationsPage::rollbackSelected()
{
    if (m_ui->rollbackButton->isEnabled())
        runGuarded(RunDirection::Down);
}

void MigrationsPage::runGuarded(RunDirection direction)
{
    const MigrationFile *file = m_catalog.find(selectedVersion());
    const bool up = direction == RunDirection::Up;
    if (!file || !confirm(up ? tr("apply") : tr("roll back"), up ? file->up : file->down))
        return;
    m_ui->noticeView->clear();
    m_blockersShownThisRun = false;
    blockersPanel()->startWatching(up ? tr("the apply of %1").arg(file->displayName()) : tr("the rollback of %1").arg(file->displayName()));
    const QString version = file->version;
    const int resumeFrom = m_list->selectedRow()->resumeFrom;
    if (!up) {
        setBusy(true, tr("Rolling back %1 …").arg(file->displayName()));
        postTo(m_worker, [version](DbWorker &w) { w.rollback(version); });
    } else if (resumeFrom > 0) {
        setBusy(true, tr("Resuming %1 at statement %2 …").arg(file->displayName()).arg(resumeFrom + 1));
        postTo(m_worker, [version, resumeFrom](DbWorker &w) { w.resume(version, resumeFrom); });
    } else {
        setBusy(true, tr("Applying %1 …").arg(file->displayName()));
        postTo(m_worker, [version](DbWorker &w) { w.apply(version); });
    }
}

void MigrationsPage::verifySelected()
{
    if (!m_ui->verifyButton->isEnabled())
        return;
    m_ui->noticeView->clear();
    setBusy(true, tr("Verifying %1 …").arg(selectedVersion()));
    postTo(m_worker, [version = selectedVersion()](DbWorker &w) { w.verify(version); });
}

void MigrationsPage::cancel()
{
    if (m_busy)
        m_worker->cancel();  // direct: it must not wait behind the statement it cancels
}

void MigrationsPage::showReport(const RunReport &report)
{
    setBusy(false);
    if (m_details)
        m_details->blockersPanel()->stopWatching();
    m_ui->resultLabel->setText(RunReportView::resultHtml(report));
    if (report.dryRun) {
        // The rules' findings for every statement of the file, also those after one that failed.
        const MigrationFile *file = m_catalog.find(report.version);
        const MigrationScript *script = !file ? nullptr : report.direction == RunDirection::Down ? &file->down : &file->up;
        const QList<LintFinding> findings = script
            ? lintMigrationScript(*script).findings
            : QList<LintFinding>();
        details()->showDryRun(report, findings);
    }
    if (report.direction == RunDirection::Verify)
        details()->showChecks(report);
    emit operationDone(report.operationName(), report.ok);
    if (report.direction == RunDirection::Verify)
        postTo(m_worker, [version = report.version](DbWorker &w) { w.readAudit(version); });
    else if (!report.dryRun)
        refresh();  // the state changed (or a failed attempt was recorded)
}

DriftView *MigrationsPage::driftView()
{
    return details()->driftView();
}
