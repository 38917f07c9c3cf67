#include "ui/migrations/MigrationsPage.h"

#include "ui_MigrationsPage.h"

#include "ui/migrations/BlockersPanel.h"
#include "ui/migrations/ConfirmDialog.h"
#include "ui/migrations/DriftView.h"
#include "ui/migrations/RepairDialog.h"
#include "ui/migrations/StateIcon.h"
#include "ui/migrations/StatementsView.h"

#include "core/sql/SupabaseSplitter.h"
#include "ui/common/SqlHighlighter.h"

#include <QFontDatabase>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>


MigrationsPage::MigrationsPage(DbWorker *worker, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::MigrationsPage>())
    , m_worker(worker)
    , m_blockers(new BlockersPanel)
    , m_drift(new DriftView)
    , m_statements(new StatementsView)
{
    m_ui->setupUi(this);
    m_ui->statementsLayout->addWidget(m_statements);
    connect(m_worker, &DbWorker::relationSizesRead, this, [this](const QString &version, const QHash<QString, RelationSize> &sizes) {
        if (version == selectedVersion())
            m_statements->setSizes(sizes);
    });
    m_ui->detailTabs->insertTab(m_ui->detailTabs->indexOf(m_ui->verifyTab), m_drift, tr("Drift"));
    m_ui->detailTabs->addTab(m_blockers, tr("Blockers"));
    m_confirmRepair = [](RepairDialog &dialog) { return dialog.exec() == QDialog::Accepted; };
    auto *repairMenu = new QMenu(this);
    repairMenu->addAction(tr("Mark &applied…"), this, [this] { repairSelected(true); })->setObjectName(QStringLiteral("markAppliedAction"));
    repairMenu->addAction(tr("Mark &reverted…"), this, [this] { repairSelected(false); })->setObjectName(QStringLiteral("markRevertedAction"));
    m_ui->repairButton->setMenu(repairMenu);
    connect(m_worker, &DbWorker::recordedStatementsRead, this, &MigrationsPage::showRecorded);
    connect(m_worker, &DbWorker::repairPrepared, this, &MigrationsPage::askRepair);
    connect(m_blockers, &BlockersPanel::blockersShown, this, [this](int count) {
        m_ui->detailTabs->setTabText(m_ui->detailTabs->indexOf(m_blockers), count > 0 ? tr("Blockers (%1)").arg(count) : tr("Blockers"));
        if (!m_busy || count == 0 || m_blockersShownThisRun)
            return;
        // The migration waits for a lock: say so where the user looks, once.
        m_blockersShownThisRun = true;
        m_ui->detailTabs->setCurrentWidget(m_blockers);
        m_ui->resultLabel->setText(tr("Waiting for a lock held by pid %1; see Blockers to cancel it, or Cancel the migration.")
                                       .arg(m_blockers->blockers().first().pid));
    });
    m_ui->sqlView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(m_ui->sqlView->document());
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->progressBar->setVisible(false);
    m_confirm = [this](const ActionGuard &guard) { return ConfirmDialog(guard, this).exec() == QDialog::Accepted; };

    connect(m_ui->refreshButton, &QPushButton::clicked, this, &MigrationsPage::refresh);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &MigrationsPage::applyFilter);
    connect(m_ui->migrationTree, &QTreeWidget::currentItemChanged, this, &MigrationsPage::showSelection);
    connect(m_ui->dryRunButton, &QPushButton::clicked, this, &MigrationsPage::dryRunSelected);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &MigrationsPage::applySelected);
    connect(m_ui->rollbackButton, &QPushButton::clicked, this, &MigrationsPage::rollbackSelected);
    connect(m_ui->verifyButton, &QPushButton::clicked, this, &MigrationsPage::verifySelected);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &MigrationsPage::cancel);
    m_ui->lockTimeoutCombo->setCurrentText(QSettings().value(QStringLiteral("migrations/lockTimeout"), QStringLiteral("4s")).toString());
    connect(m_ui->lockTimeoutCombo, &QComboBox::currentTextChanged, this, &MigrationsPage::setLockTimeout);
    setLockTimeout(m_ui->lockTimeoutCombo->currentText());
    new QShortcut(QKeySequence::Refresh, this, this, &MigrationsPage::refresh);
    new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &MigrationsPage::cancel);
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_D), this, this, &MigrationsPage::dryRunSelected);
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, this, &MigrationsPage::applySelected);

    connect(m_worker, &DbWorker::statusRead, this, &MigrationsPage::showStatus);
    connect(m_worker, &DbWorker::operationFinished, this, &MigrationsPage::showReport);
    connect(m_worker, &DbWorker::auditRead, this, &MigrationsPage::showAudit);
    connect(m_worker, &DbWorker::progressed, this, [this](int index, int count, const QString &statement) {
        if (!m_busy)
            return;
        m_ui->progressBar->setMaximum(count);
        m_ui->progressBar->setValue(index + 1);
        m_ui->progressBar->setFormat(QStringLiteral("%1/%2 %3").arg(index + 1).arg(count).arg(statement.simplified().left(60)));
    });
    connect(m_worker, &DbWorker::noticeReceived, this,
            [this](const QString &notice) { m_ui->noticeView->appendPlainText(notice); });
    updateActions();
}

MigrationsPage::~MigrationsPage() = default;

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
}

void MigrationsPage::setConnected(bool connected)
{
    m_connected = connected;
    refresh();  // without a connection the folder still shows, its states unknown
    updateActions();
}

bool MigrationsPage::setLockTimeout(const QString &text)
{
    // What SET lock_timeout takes, without a server to ask. The unit is required here: a bare
    // number means milliseconds to PostgreSQL, and "30" typed on the way to "30s" would be 30 ms.
    static const QRegularExpression valid(QStringLiteral("^\\s*\\d+\\s*(ms|s|min|h)\\s*$"));
    if (!valid.match(text).hasMatch()) {
        m_ui->lockTimeoutCombo->setStyleSheet(QStringLiteral("QComboBox { color: #b00020; }"));
        m_ui->lockTimeoutCombo->setToolTip(tr("\"%1\" is not a duration: write a number with ms, s, min or h, like 4s or 2min. "
                                              "The previous value stays in force.").arg(text));
        return false;
    }
    m_ui->lockTimeoutCombo->setStyleSheet(QString());
    m_ui->lockTimeoutCombo->setToolTip(tr("lock_timeout for apply and roll back: how long a statement waits for a lock before "
                                          "the migration fails and rolls back (every query on that table queues behind the "
                                          "wait). Now %1.").arg(text.trimmed()));
    QSettings().setValue(QStringLiteral("migrations/lockTimeout"), text.trimmed());
    QMetaObject::invokeMethod(m_worker, "setLockTimeout", Qt::QueuedConnection, Q_ARG(QString, QString(text).remove(QLatin1Char(' '))));
    return true;
}

void MigrationsPage::setSession(const QString &conninfo)
{
    m_blockers->setConnection(conninfo);
    m_blockers->setEngineSession(m_worker->engineBackendPid());
}

void MigrationsPage::watchBlockers(const QString &what)
{
    m_blockersShownThisRun = false;
    m_blockers->startWatching(what);
}

void MigrationsPage::refresh()
{
    if (m_folder.isEmpty() || m_busy)
        return;
    m_refreshing = tr("Reading the folder and the history …");
    setBusy(true, m_ui->resultLabel->text().isEmpty() ? m_refreshing : QString());
    QMetaObject::invokeMethod(m_worker, "refreshStatus", Qt::QueuedConnection, Q_ARG(QString, m_folder));
}

void MigrationsPage::showStatus(const MigrationCatalog &catalog, const StatusReport &status)
{
    const QString keep = selectedVersion();
    setBusy(false);
    m_catalog = catalog;
    m_rows = status.rows;
    m_ui->migrationTree->clear();
    if (!status.ok()) {
        // Without a database the folder still shows, every migration as unknown.
        m_rows.clear();
        for (const MigrationFile &m : catalog.migrations) {
            MigrationStatusRow row;
            row.version = m.version;
            row.name = m.name;
            row.hasFile = true;
            row.hasDown = m.down.exists();
            row.hasVerify = m.verify.exists();
            row.detail = tr("state unknown: %1").arg(status.error.message);
            m_rows.append(row);
        }
    }
    for (const MigrationStatusRow &row : m_rows) {
        auto *item = new QTreeWidgetItem(m_ui->migrationTree);
        item->setText(0, row.version);
        item->setText(1, row.name);
        item->setText(2, status.ok() ? migrationStateName(row.state) : tr("unknown"));
        if (status.ok())
            item->setIcon(2, stateIcon(row.state));
        if (row.appliedAt)
            item->setText(3, QStringLiteral("%1 %2").arg(row.appliedAt->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), row.appliedBy));
        else if (row.state == MigrationState::Applied)
            item->setText(3, tr("by another tool"));
        item->setToolTip(2, row.detail);
        item->setData(0, Qt::UserRole, row.version);
    }
    for (int c = 0; c < 4; ++c)
        m_ui->migrationTree->resizeColumnToContents(c);
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
    applyFilter();
    selectVersion(keep.isEmpty() && !m_rows.isEmpty() ? m_rows.first().version : keep);
    updateActions();
    emit statusShown();
}

void MigrationsPage::applyFilter()
{
    const QString filter = m_ui->filterEdit->text().trimmed();
    for (int i = 0; i < m_ui->migrationTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->migrationTree->topLevelItem(i);
        const bool match = filter.isEmpty() || item->text(0).contains(filter, Qt::CaseInsensitive)
            || item->text(1).contains(filter, Qt::CaseInsensitive) || item->text(2).contains(filter, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

QString MigrationsPage::selectedVersion() const
{
    const QTreeWidgetItem *item = m_ui->migrationTree->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void MigrationsPage::selectVersion(const QString &version)
{
    for (int i = 0; i < m_ui->migrationTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->migrationTree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == version) {
            m_ui->migrationTree->setCurrentItem(item);
            return;
        }
    }
}

const MigrationStatusRow *MigrationsPage::selectedRow() const
{
    const QString version = selectedVersion();
    for (const MigrationStatusRow &row : m_rows) {
        if (row.version == version)
            return &row;
    }
    return nullptr;
}

void MigrationsPage::showSelection()
{
    const MigrationStatusRow *row = selectedRow();
    const MigrationFile *file = row ? m_catalog.find(row->version) : nullptr;
    m_ui->sqlView->setPlainText(file ? file->up.sql : QString());
    m_statements->clear();
    m_ui->dryRunTree->clear();
    m_ui->verifyTree->clear();
    m_ui->historyTree->clear();
    m_ui->dryRunLabel->setText(tr("Dry run runs the migration (or, when it is applied, its rollback) in a transaction "
                                  "that is rolled back, and shows what it changes."));
    m_ui->verifyLabel->clear();
    if (!row) {
        m_ui->fileLabel->clear();
        updateActions();
        return;
    }
    QString fileText = file ? QStringLiteral("<b>%1</b>").arg(file->up.fileName.toHtmlEscaped())
                            : tr("<b>no file</b> for version %1").arg(row->version);
    if (file)
        fileText += tr(" · down: %1 · verify: %2")
                        .arg(file->down.exists() ? file->down.fileName : tr("none"),
                             file->verify.exists() ? file->verify.fileName : tr("derived from the up file"));
    if (!row->detail.isEmpty())
        fileText += QStringLiteral("<br>%1: %2").arg(migrationStateName(row->state), row->detail.toHtmlEscaped());
    m_ui->fileLabel->setText(fileText);
    if (file) {
        m_statements->showScript(file->up);
        const QStringList touched = m_statements->touchedRelations();
        if (m_connected && !m_busy && !touched.isEmpty())
            QMetaObject::invokeMethod(m_worker, "readRelationSizes", Qt::QueuedConnection, Q_ARG(QString, row->version),
                                      Q_ARG(QStringList, touched));
    }
    if (row->recorded && m_connected) {
        m_drift->showMessage(tr("Reading the statements recorded for %1 …").arg(row->version));
        if (!m_busy)
            QMetaObject::invokeMethod(m_worker, "readRecordedStatements", Qt::QueuedConnection, Q_ARG(QString, row->version));
        if (row->state == MigrationState::Modified)
            m_ui->detailTabs->setCurrentWidget(m_drift);
    } else {
        m_drift->showMessage(row->recorded ? tr("Not connected.")
                                           : tr("%1 is not recorded as applied: nothing to compare with.").arg(row->version));
    }
    if (m_connected && !m_busy)
        QMetaObject::invokeMethod(m_worker, "readAudit", Qt::QueuedConnection, Q_ARG(QString, row->version));
    updateActions();
}

void MigrationsPage::showRecorded(const QString &version, bool recorded, const QStringList &statements, const QString &error)
{
    m_recordedVersion = version;
    m_recorded = recorded;
    m_recordedStatements = statements;
    if (version != selectedVersion())
        return;
    const MigrationFile *file = m_catalog.find(version);
    if (!error.isEmpty())
        m_drift->showMessage(tr("Could not read the recorded statements: %1").arg(error));
    else if (!recorded)
        m_drift->showMessage(tr("%1 is not recorded as applied: nothing to compare with.").arg(version));
    else if (!file)
        m_drift->showMessage(tr("The history records %n statement(s) for %1, and the folder has no file for it.", nullptr,
                                int(statements.size())).arg(version));
    else
        m_drift->showDiff(file->up.fileName, statements, splitLikeSupabaseCli(file->up.sql));
}

void MigrationsPage::repairSelected(bool markApplied)
{
    const MigrationStatusRow *row = selectedRow();
    if (!m_connected || m_busy || !row)
        return;
    if (markApplied && !row->hasFile) {
        m_ui->resultLabel->setText(tr("%1 has no file: only Mark reverted can repair it.").arg(row->version));
        return;
    }
    setBusy(true, tr("Reading the history and running the verify checks of %1 …").arg(row->version));
    QMetaObject::invokeMethod(m_worker, "prepareRepair", Qt::QueuedConnection, Q_ARG(QString, row->version),
                              Q_ARG(bool, markApplied));
}

void MigrationsPage::askRepair(const QString &version, bool markApplied, const RunReport &checks)
{
    setBusy(false);
    const MigrationFile *file = m_catalog.find(version);
    // The row of `version`, not the selected one: the selection may have moved while the checks ran.
    const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const MigrationStatusRow &r) { return r.version == version; });
    const MigrationStatusRow *row = found == m_rows.cend() ? nullptr : &*found;
    RepairDialog::Facts facts;
    facts.version = version;
    facts.displayName = file ? file->displayName() : (row ? row->version + QLatin1Char('_') + row->name : version);
    facts.markApplied = markApplied;
    facts.recorded = m_recordedVersion == version && m_recorded;
    facts.recordedStatements = m_recordedVersion == version ? m_recordedStatements : QStringList();
    if (file) {
        facts.fileName = file->up.fileName;
        facts.fileStatements = splitLikeSupabaseCli(file->up.sql);
    }
    facts.checks = checks;
    const QString action = markApplied ? tr("mark applied") : tr("mark reverted");
    const ActionGuard guard = guardFor(m_environment, action, facts.displayName, SqlScript(), m_database, m_projectRef);
    RepairDialog dialog(facts, guard, this);
    if (!m_confirmRepair(dialog) || !dialog.acceptable()) {
        m_ui->resultLabel->setText(tr("Not repaired: %1 was not confirmed; the history is unchanged.").arg(guard.summary));
        emit operationDone(QStringLiteral("repair"), false);
        return;
    }
    setBusy(true, tr("Marking %1 %2 …").arg(version, markApplied ? tr("applied") : tr("reverted")));
    QMetaObject::invokeMethod(m_worker, "repair", Qt::QueuedConnection, Q_ARG(QString, version), Q_ARG(bool, markApplied),
                              Q_ARG(QString, dialog.reason()));
}

void MigrationsPage::showAudit(const QString &version, const QList<AuditRow> &rows)
{
    if (version != selectedVersion())
        return;  // an answer for a row no longer selected
    m_ui->historyTree->clear();
    for (const AuditRow &row : rows) {
        auto *item = new QTreeWidgetItem(m_ui->historyTree);
        item->setText(0, row.finishedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        item->setText(1, row.direction);
        item->setText(2, row.outcome);
        item->setText(3, row.actor + QStringLiteral(" (") + row.databaseUser + QLatin1Char(')'));
        item->setText(4, QStringLiteral("%1 ms").arg(row.durationMs));
        const QString said = row.error.isEmpty() ? row.note : row.error;
        item->setText(5, said.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(5, said);
        if (row.outcome != QLatin1String("succeeded"))
            item->setForeground(2, QColor(0xb0, 0x00, 0x20));
    }
    for (int c = 0; c < 5; ++c)
        m_ui->historyTree->resizeColumnToContents(c);
}

void MigrationsPage::updateActions()
{
    const MigrationStatusRow *row = selectedRow();
    const bool ready = m_connected && !m_busy && row && row->hasFile;
    const bool applied = row && (row->state == MigrationState::Applied || row->state == MigrationState::Modified);
    const bool pending = row && (row->state == MigrationState::Pending || row->state == MigrationState::OutOfOrder
                                 || (row->state == MigrationState::Failed && !row->appliedAt));
    // Failed part way outside a transaction: apply resumes, roll back runs the down file.
    const bool dirty = row && row->resumeFrom > 0;
    m_ui->dryRunButton->setEnabled(ready && !dirty && (pending || (applied && row->hasDown)));
    m_ui->dryRunButton->setText(applied ? tr("Preview &rollback") : tr("&Dry run"));
    m_ui->applyButton->setEnabled(ready && pending && !m_catalog.hasErrors());
    m_ui->applyButton->setText(dirty ? tr("Resume at statement %1").arg(row->resumeFrom + 1) : tr("&Apply"));
    m_ui->rollbackButton->setEnabled(ready && (applied || dirty) && row->hasDown);
    m_ui->rollbackButton->setText(dirty ? tr("Run &down file") : tr("Roll &back"));
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
    const MigrationStatusRow *row = selectedRow();
    const ActionGuard guard = guardFor(m_environment, action, row->version + QLatin1Char('_') + row->name,
                                       parseSqlScript(script.sql), m_database, m_projectRef);
    if (guard.kind == ActionGuard::Kind::None)
        return true;
    if (m_confirm(guard))
        return true;
    m_ui->resultLabel->setText(tr("Not run: %1 was not confirmed.").arg(guard.summary));
    emit operationDone(action, false);
    return false;
}

void MigrationsPage::dryRunSelected()
{
    if (!m_ui->dryRunButton->isEnabled())
        return;
    const MigrationStatusRow *row = selectedRow();
    const bool down = row->state == MigrationState::Applied || row->state == MigrationState::Modified;
    m_ui->noticeView->clear();
    setBusy(true, down ? tr("Previewing the rollback of %1 …").arg(row->version) : tr("Dry run of %1 …").arg(row->version));
    QMetaObject::invokeMethod(m_worker, "dryRun", Qt::QueuedConnection, Q_ARG(QString, row->version), Q_ARG(bool, down));
}

void MigrationsPage::applySelected()
{
    if (!m_ui->applyButton->isEnabled())
        return;
    const MigrationFile *file = m_catalog.find(selectedVersion());
    if (!file || !confirm(tr("apply"), file->up))
        return;
    m_ui->noticeView->clear();
    watchBlockers(tr("the apply of %1").arg(file->displayName()));
    const int resumeFrom = selectedRow()->resumeFrom;
    if (resumeFrom > 0) {
        setBusy(true, tr("Resuming %1 at statement %2 …").arg(file->displayName()).arg(resumeFrom + 1));
        QMetaObject::invokeMethod(m_worker, "resume", Qt::QueuedConnection, Q_ARG(QString, file->version), Q_ARG(int, resumeFrom));
        return;
    }
    setBusy(true, tr("Applying %1 …").arg(file->displayName()));
    QMetaObject::invokeMethod(m_worker, "apply", Qt::QueuedConnection, Q_ARG(QString, file->version));
}

void MigrationsPage::rollbackSelected()
{
    if (!m_ui->rollbackButton->isEnabled())
        return;
    const MigrationFile *file = m_catalog.find(selectedVersion());
    if (!file || !confirm(tr("roll back"), file->down))
        return;
    m_ui->noticeView->clear();
    setBusy(true, tr("Rolling back %1 …").arg(file->displayName()));
    watchBlockers(tr("the rollback of %1").arg(file->displayName()));
    QMetaObject::invokeMethod(m_worker, "rollback", Qt::QueuedConnection, Q_ARG(QString, file->version));
}

void MigrationsPage::verifySelected()
{
    if (!m_ui->verifyButton->isEnabled())
        return;
    m_ui->noticeView->clear();
    setBusy(true, tr("Verifying %1 …").arg(selectedVersion()));
    QMetaObject::invokeMethod(m_worker, "verify", Qt::QueuedConnection, Q_ARG(QString, selectedVersion()));
}

void MigrationsPage::cancel()
{
    if (m_busy)
        m_worker->cancel();  // direct: it must not wait behind the statement it cancels
}

void MigrationsPage::showReport(const QString &operation, const RunReport &report)
{
    setBusy(false);
    m_blockers->stopWatching();
    QString text = QStringLiteral("<b>%1</b> %2").arg(report.ok ? tr("Done:") : (report.cancelled ? tr("Cancelled:") : tr("Failed:")),
                                                      report.message.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    for (const QString &warning : report.warnings)
        text += QStringLiteral("<br><span style='color:#ef6c00'>%1</span>").arg(warning.toHtmlEscaped());
    m_ui->resultLabel->setText(text);
    if (report.dryRun) {
        m_ui->dryRunTree->clear();
        for (const SchemaChange &change : report.schemaChanges) {
            auto *item = new QTreeWidgetItem(m_ui->dryRunTree);
            item->setText(0, schemaChangeTypeName(change.type));
            item->setText(1, change.kind);
            item->setText(2, change.name);
            item->setText(3, (change.type == SchemaChange::Type::Dropped ? change.before : change.after).simplified().left(160));
            item->setToolTip(3, change.type == SchemaChange::Type::Changed
                                    ? tr("before: %1\nafter: %2").arg(change.before, change.after)
                                    : (change.before + change.after));
            item->setForeground(0, change.type == SchemaChange::Type::Dropped ? QColor(0xb0, 0x00, 0x20)
                                   : change.type == SchemaChange::Type::Changed ? QColor(0xef, 0x6c, 0x00)
                                                                                : QColor(0x2e, 0x7d, 0x32));
        }
        for (int c = 0; c < 3; ++c)
            m_ui->dryRunTree->resizeColumnToContents(c);
        QStringList perStatement;
        for (const StatementReport &s : report.statements) {
            if (s.affectedRows > 0)
                perStatement << tr("line %1: %2").arg(s.line).arg(s.commandTag);
        }
        m_ui->dryRunLabel->setText(report.ok ? tr("%1 schema changes; %2 statements ran and were rolled back; the database is unchanged.%3")
                                                   .arg(report.schemaChanges.size())
                                                   .arg(report.statements.size())
                                                   .arg(perStatement.isEmpty() ? QString() : tr(" Rows: ") + perStatement.join(QStringLiteral("; ")))
                                             : report.message);
        m_ui->detailTabs->setCurrentWidget(m_ui->dryRunTab);
    }
    if (report.direction == QLatin1String("verify")) {
        m_ui->verifyTree->clear();
        for (const CheckResult &check : report.checks) {
            auto *item = new QTreeWidgetItem(m_ui->verifyTree);
            item->setText(0, check.passed ? tr("passed") : tr("FAILED"));
            item->setIcon(0, stateIcon(check.passed ? MigrationState::Applied : MigrationState::Failed));
            item->setText(1, check.name);
            item->setText(2, check.detail);
        }
        m_ui->verifyTree->resizeColumnToContents(0);
        m_ui->verifyTree->resizeColumnToContents(1);
        m_ui->verifyLabel->setText(report.message);
        m_ui->detailTabs->setCurrentWidget(m_ui->verifyTab);
    }
    emit operationDone(operation, report.ok);
    if (report.direction == QLatin1String("verify"))
        QMetaObject::invokeMethod(m_worker, "readAudit", Qt::QueuedConnection, Q_ARG(QString, report.version));
    else if (!report.dryRun)
        refresh();  // the state changed (or a failed attempt was recorded)
}
