#include "ui/sqleditor/SqlPage.h"

#include "ui_SqlPage.h"

#include "ui/common/ButtonShortcut.h"
#include "ui/common/RememberedLayout.h"

#include "core/catalog/NewMigration.h"
#include "core/sql/SqlScript.h"
#include "core/sqleditor/DownScript.h"
#include "db/local/QueryHistory.h"
#include "ui/sqleditor/SqlEditorTab.h"
#include "ui/deferred/DeferredParts.h"
#include "ui/deferred/SqlTextArea.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QShortcut>
#include <QTabBar>

SqlPage::SqlPage(const QString &historyPath, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SqlPage>())
    , m_history(DeferredParts::openHistory(historyPath))
{
    m_ui->setupUi(this);
    m_ui->sqlSplitter->setStretchFactor(0, 4);
    m_ui->sqlSplitter->setStretchFactor(1, 1);
    RememberedLayout::keep(m_ui->sqlSplitter, QStringLiteral("sql/sideSplitter"));
    if (!m_history->isOpen())
        m_ui->sqlHistoryLabel->setText(tr("History unavailable: %1").arg(m_history->error()));
    connect(m_ui->sqlNewButton, &QPushButton::clicked, this, [this] { newTab(); });
    connect(m_ui->sqlOpenButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open SQL"), QString(), tr("SQL files (*.sql);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !openFile(path, &error))
            QMessageBox::warning(this, tr("Open SQL"), error);
    });
    connect(m_ui->sqlSaveButton, &QPushButton::clicked, this, [this] {
        SqlEditorTab *tab = currentEditor();
        if (!tab)
            return;
        const QString path = tab->filePath().isEmpty()
            ? QFileDialog::getSaveFileName(this, tr("Save SQL"), QStringLiteral("query.sql"), tr("SQL files (*.sql)"))
            : tab->filePath();
        QString error;
        if (!path.isEmpty() && !saveFile(tab, path, &error))
            QMessageBox::warning(this, tr("Save SQL"), error);
    });
    connect(m_ui->sqlSaveSnippetButton, &QPushButton::clicked, this, [this] {
        SqlEditorTab *tab = currentEditor();
        if (!tab)
            return;
        const QString sql = tab->editor()->hasSelectedText() ? tab->editor()->selectedText() : tab->editor()->text();
        const QString name = QInputDialog::getText(this, tr("Save as snippet"), tr("Name:")).trimmed();
        if (!name.isEmpty() && !m_history->saveSnippet(name, sql))
            QMessageBox::warning(this, tr("Save as snippet"), m_history->error());
        refreshSnippets();
    });
    connect(m_ui->sqlSaveMigrationButton, &QPushButton::clicked, this, [this] {
        SqlEditorTab *tab = currentEditor();
        if (!tab)
            return;
        const QString name = QInputDialog::getText(this, tr("Save as migration"),
                                                   tr("Name of the migration (in %1):").arg(m_folder)).trimmed();
        QString said;
        if (name.isEmpty())
            return;
        if (saveAsMigration(tab, name, &said))
            QMessageBox::information(this, tr("Save as migration"), said);
        else
            QMessageBox::warning(this, tr("Save as migration"), said);
    });
    connect(m_ui->sqlEditorTabs, &QTabWidget::tabCloseRequested, this, &SqlPage::closeTab);
    connect(m_ui->sqlHistorySearch, &QLineEdit::textChanged, this, &SqlPage::refreshHistory);
    const auto insert = [this](QListWidgetItem *item) {
        SqlEditorTab *tab = currentEditor() ? currentEditor() : newTab();
        tab->editor()->insert(item->data(Qt::UserRole).toString() + QLatin1Char('\n'));
        tab->editor()->widget()->setFocus();
    };
    connect(m_ui->sqlSnippetList, &QListWidget::itemDoubleClicked, this, insert);
    connect(m_ui->sqlHistoryList, &QListWidget::itemDoubleClicked, this, insert);
    for (const auto &[sequence, action] : std::initializer_list<std::pair<QKeySequence, QPushButton *>>{
             {QKeySequence(Qt::CTRL | Qt::Key_T), m_ui->sqlNewButton},
             {QKeySequence::Open, m_ui->sqlOpenButton},
             {QKeySequence::Save, m_ui->sqlSaveButton}}) {
        ButtonShortcut::add(action, sequence, this);
    }
    refreshSnippets();
    newTab();
}

SqlPage::~SqlPage() = default;

SqlEditorTab *SqlPage::currentEditor() const
{
    return qobject_cast<SqlEditorTab *>(m_ui->sqlEditorTabs->currentWidget());
}

SqlEditorTab *SqlPage::newTab(const QString &text)
{
    auto *tab = new SqlEditorTab(m_history.get());
    tab->editor()->setText(text);
    tab->editor()->setModified(false);
    const int index = m_ui->sqlEditorTabs->addTab(tab, tr("Query %1").arg(m_ui->sqlEditorTabs->count() + 1));
    m_ui->sqlEditorTabs->setCurrentIndex(index);
    connect(tab, &SqlEditorTab::ran, this, &SqlPage::refreshHistory);
    connect(tab, &SqlEditorTab::titleChanged, this, [this, tab] {
        const int at = m_ui->sqlEditorTabs->indexOf(tab);
        QString title = tab->filePath().isEmpty() ? m_ui->sqlEditorTabs->tabText(at).remove(QLatin1Char('*')) : QFileInfo(tab->filePath()).fileName();
        if (tab->editor()->isModified())
            title += QLatin1Char('*');
        m_ui->sqlEditorTabs->setTabText(at, title);
        m_ui->sqlEditorTabs->setTabToolTip(at, tab->transactionOpen() ? tr("a transaction is open") : tab->filePath());
    });
    if (m_connected)
        tab->setConnection(m_conninfo, m_environment, m_database, m_profile);
    tab->editor()->widget()->setFocus();
    return tab;
}

void SqlPage::setConnection(const QString &conninfo, Environment environment, const QString &database, const QString &profile)
{
    m_conninfo = conninfo;
    m_environment = environment;
    m_database = database;
    m_profile = profile;
    m_connected = true;
    for (int i = 0; i < m_ui->sqlEditorTabs->count(); ++i) {
        if (auto *tab = qobject_cast<SqlEditorTab *>(m_ui->sqlEditorTabs->widget(i)))
            tab->setConnection(conninfo, environment, database, profile);
    }
    // An unavailable history stays said (connecting used to replace it with the profile's name).
    if (m_history->isOpen())
        m_ui->sqlHistoryLabel->setText(tr("History of %1").arg(profile));
    refreshHistory();
}

bool SqlPage::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes) {
        *error = tr("%1: not valid UTF-8; nothing was opened").arg(path);
        return false;
    }
    SqlEditorTab *tab = newTab(text);
    tab->setFilePath(path);
    emit tab->titleChanged();
    return true;
}

bool SqlPage::saveFile(SqlEditorTab *tab, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(tab->editor()->text().toUtf8()) < 0 || !file.flush()) {
        *error = tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    tab->setFilePath(path);
    tab->editor()->setModified(false);
    emit tab->titleChanged();
    return true;
}

bool SqlPage::closeTab(int index)
{
    auto *tab = qobject_cast<SqlEditorTab *>(m_ui->sqlEditorTabs->widget(index));
    if (!tab)
        return false;
    if (tab->transactionOpen()
        && QMessageBox::question(this, tr("Close the tab"),
                                 tr("A transaction is open in this tab. Closing it rolls the transaction back. Close it?"),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    if (tab->editor()->isModified() && !tab->editor()->text().trimmed().isEmpty()
        && QMessageBox::question(this, tr("Close the tab"), tr("The text of this tab is not saved. Close it anyway?"),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    m_ui->sqlEditorTabs->removeTab(index);
    tab->deleteLater();  // its worker stops and its connection closes: an open transaction rolls back
    if (m_ui->sqlEditorTabs->count() == 0)
        newTab();
    return true;
}

void SqlPage::refreshHistory()
{
    m_ui->sqlHistoryList->clear();
    for (const EditorRun &entry : m_history->search(m_profile, m_ui->sqlHistorySearch->text())) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 %2 · %3 ms%4\n%5")
                                             .arg(entry.ok ? QStringLiteral("✓") : QStringLiteral("✗"),
                                                  entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                             .arg(entry.durationMs)
                                             .arg(entry.rows >= 0 ? tr(" · %1 rows").arg(entry.rows) : QString(),
                                                  entry.sql.simplified().left(80)),
                                         m_ui->sqlHistoryList);
        item->setData(Qt::UserRole, entry.sql);
        item->setToolTip(entry.ok ? entry.sql : entry.sql + QStringLiteral("\n\n") + entry.error);
        if (!entry.ok)
            item->setForeground(QColor(0xb0, 0x00, 0x20));
    }
}

void SqlPage::refreshSnippets()
{
    m_ui->sqlSnippetList->clear();
    for (const Snippet &snippet : m_history->snippets()) {
        auto *item = new QListWidgetItem(snippet.builtIn ? snippet.name : snippet.name + tr(" (yours)"), m_ui->sqlSnippetList);
        item->setData(Qt::UserRole, snippet.sql);
        item->setToolTip(snippet.sql);
    }
}

bool SqlPage::saveAsMigration(SqlEditorTab *tab, const QString &name, QString *said)
{
    const QString sql = tab->editor()->text();
    const SqlScript parsed = parseSqlScript(sql);
    if (!parsed.isValid()) {
        *said = tr("%1; a migration holds SQL only (no meta-commands): nothing was saved").arg(parsed.syntaxError->located(tr("the editor")));
        return false;
    }
    if (parsed.statements.isEmpty()) {
        *said = tr("the editor holds no statement: nothing was saved");
        return false;
    }
    const NewMigrationPlan plan = planNewMigration(m_folder, name, QDateTime::currentDateTimeUtc());
    if (!plan.ok()) {
        *said = plan.error + tr(": nothing was saved");
        return false;
    }
    const DerivedDown down = deriveDownScript(parsed);
    QString why;
    QString text = sql;
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    if (!writeNewMigration(plan, text, down.sql, &why)) {
        *said = why + tr(": nothing was saved");
        return false;
    }
    *said = tr("Saved %1 and its down file %2%3. It shows as pending on the Migrations page.")
                .arg(QFileInfo(plan.upPath).fileName(), QDir(m_folder).relativeFilePath(plan.downPath),
                     down.complete ? QString() : tr(" (which lists what could not be derived: finish it by hand)"));
    emit migrationSaved(plan.version);
    return true;
}
