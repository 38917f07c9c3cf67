#include "ui/sqleditor/SqlEditorTab.h"

#include "ui_SqlEditorTab.h"

#include "ui/common/ElidedToolTips.h"
#include "ui/common/GridColumnWidths.h"

#include "ui/common/ButtonShortcut.h"
#include "ui/common/RememberedLayout.h"

#include "core/browse/ViewAs.h"
#include "core/lint/Linter.h"
#include "core/sqleditor/ExplainPlan.h"
#include "core/sqleditor/MetaCommand.h"
#include "core/sql/SqlScript.h"
#include "core/sql/StatementFingerprint.h"
#include "db/local/QueryHistory.h"
#include "db/sqleditor/SqlEditorWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/migrations/RunReportView.h"
#include "ui/sqleditor/ExplainView.h"
#include "ui/sqleditor/ResultModel.h"
#include "ui/sqleditor/SqlTextEditor.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QShortcut>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kPageSize = 500;

// Where in the editor an error at `position` (1-based, into the statement) is.
void errorPlace(const EditorUnit &unit, int position, int *line, int *column)
{
    *line = unit.line;
    *column = unit.column;
    for (int i = 0; i < position - 1 && i < unit.text.size(); ++i) {
        if (unit.text.at(i) == QLatin1Char('\n')) {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
}

}  // namespace

SqlEditorTab::SqlEditorTab(QueryHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SqlEditorTab>())
    , m_editor(new SqlTextEditor)
    , m_history(history)
{
    m_ui->setupUi(this);
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_ui->editorLayout->addWidget(m_editor);
    m_ui->sqlFindBar->hide();
    m_ui->sqlSplitter->setStretchFactor(0, 2);
    m_ui->sqlSplitter->setStretchFactor(1, 3);
    RememberedLayout::keep(m_ui->sqlSplitter, QStringLiteral("sql/editorSplitter"));  // every tab alike
    m_ui->sqlViewAsCombo->addItem(tr("the connection's role"), int(ViewAs::Mode::Owner));
    m_ui->sqlViewAsCombo->addItem(QStringLiteral("service_role"), int(ViewAs::Mode::ServiceRole));
    m_ui->sqlViewAsCombo->addItem(QStringLiteral("anon"), int(ViewAs::Mode::Anon));
    m_ui->sqlViewAsCombo->addItem(tr("authenticated (a user)…"), int(ViewAs::Mode::Authenticated));

    connect(m_ui->sqlRunButton, &QPushButton::clicked, this, &SqlEditorTab::runCurrent);
    connect(m_ui->sqlRunAllButton, &QPushButton::clicked, this, &SqlEditorTab::runAll);
    connect(m_ui->sqlExplainButton, &QPushButton::clicked, this, [this] { explain(false); });
    connect(m_ui->sqlDryRunButton, &QPushButton::clicked, this, &SqlEditorTab::dryRun);
    connect(m_ui->sqlAnalyzeButton, &QPushButton::clicked, this, [this] { explain(true); });
    connect(m_ui->sqlCancelButton, &QPushButton::clicked, this, &SqlEditorTab::cancel);
    connect(m_ui->sqlWriteCheck, &QCheckBox::clicked, this, &SqlEditorTab::setWriting);
    connect(m_ui->sqlBeginButton, &QPushButton::clicked, this, [this] { postTo(m_worker, [s = settings()](SqlEditorWorker &w) { w.begin(s); }); });
    connect(m_ui->sqlCommitButton, &QPushButton::clicked, this, [this] { postTo(m_worker, [](SqlEditorWorker &w) { w.commit(); }); });
    connect(m_ui->sqlRollbackButton, &QPushButton::clicked, this, [this] { postTo(m_worker, [](SqlEditorWorker &w) { w.rollback(); }); });
    connect(m_ui->sqlViewAsCombo, &QComboBox::activated, this, [this] {
        if (m_ui->sqlViewAsCombo->currentData().toInt() != int(ViewAs::Mode::Authenticated))
            return;
        bool given = false;
        const QString id = QInputDialog::getText(this, tr("View as a user"), tr("The user's id (auth.users.id):"), QLineEdit::Normal,
                                                 m_ui->sqlViewAsCombo->property("userId").toString(), &given);
        if (!given || id.trimmed().isEmpty())
            m_ui->sqlViewAsCombo->setCurrentIndex(0);
        else
            m_ui->sqlViewAsCombo->setProperty("userId", id.trimmed());
    });

    // The keys stand for the toolbar's buttons (their tooltips name them), Esc and Ctrl+F for none.
    const auto key = [this](const QKeySequence &sequence, auto slot, QAbstractButton *button = nullptr) {
        auto *shortcut = new QShortcut(sequence, this, slot);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        if (button)
            ButtonShortcut::announce(shortcut, button);
        else
            ButtonShortcut::sayIn(shortcut, tr("Help > Keyboard shortcuts (F1)"));
    };
    key(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { runCurrent(); }, m_ui->sqlRunButton);
    key(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { runCurrent(); }, m_ui->sqlRunButton);
    key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), [this] { runAll(); }, m_ui->sqlRunAllButton);
    key(QKeySequence(Qt::CTRL | Qt::Key_E), [this] { explain(false); }, m_ui->sqlExplainButton);
    key(QKeySequence(Qt::CTRL | Qt::Key_D), [this] { dryRun(); }, m_ui->sqlDryRunButton);
    key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { explain(true); }, m_ui->sqlAnalyzeButton);
    key(QKeySequence(Qt::Key_Escape), [this] {
        if (busy())
            cancel();
        else
            m_ui->sqlFindBar->hide();
    });
    key(QKeySequence::Find, [this] {
        m_ui->sqlFindBar->show();
        m_ui->sqlFindEdit->setFocus();
        m_ui->sqlFindEdit->selectAll();
    });
    const auto findNext = [this] {
        if (!m_editor->findFirst(m_ui->sqlFindEdit->text(), false, false, false, true))
            m_ui->sqlStatusLabel->setText(tr("\"%1\" not found").arg(m_ui->sqlFindEdit->text()));
    };
    connect(m_ui->sqlFindEdit, &QLineEdit::returnPressed, this, findNext);
    connect(m_ui->sqlFindNextButton, &QPushButton::clicked, this, findNext);
    connect(m_ui->sqlReplaceButton, &QPushButton::clicked, this, [this, findNext] {
        if (m_editor->hasSelectedText())
            m_editor->replace(m_ui->sqlReplaceEdit->text());
        findNext();
    });
    connect(m_ui->sqlReplaceAllButton, &QPushButton::clicked, this, [this] {
        int replaced = 0;
        m_editor->setCursorPosition(0, 0);
        while (m_editor->findFirst(m_ui->sqlFindEdit->text(), false, false, false, false)) {
            m_editor->replace(m_ui->sqlReplaceEdit->text());
            ++replaced;
        }
        m_ui->sqlStatusLabel->setText(tr("%1 replaced").arg(replaced));
    });
    connect(m_editor, &QsciScintilla::modificationChanged, this, &SqlEditorTab::titleChanged);
    setBusy(false);
}

SqlEditorTab::~SqlEditorTab()
{
    if (m_worker)
        m_worker->stop();
}

void SqlEditorTab::setConnection(const QString &conninfo, Environment environment, const QString &database, const QString &profile)
{
    m_environment = environment;
    m_database = database;
    m_profile = profile;
    // Read-only unless local; production needs the database's name typed to write.
    m_writing = environment == Environment::Local;
    m_ui->sqlWriteCheck->setChecked(m_writing);
    m_conninfo = conninfo;
    updateTransaction(false, false, QString());
    if (isVisible() || m_worker)
        ensureConnected();
}

void SqlEditorTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    ensureConnected();
}

void SqlEditorTab::ensureConnected()
{
    if (m_conninfo.isEmpty() || m_openedWith == m_conninfo)
        return;
    if (!m_worker) {
        m_worker = SqlEditorWorker::startOnOwnThread();
        connect(m_worker, &SqlEditorWorker::resultReady, this, &SqlEditorTab::showResult);
        connect(m_worker, &SqlEditorWorker::explained, this, &SqlEditorTab::showPlan);
        connect(m_worker, &SqlEditorWorker::dryRunDone, this, &SqlEditorTab::showDryRun);
        connect(m_worker, &SqlEditorWorker::transactionChanged, this, &SqlEditorTab::updateTransaction);
        connect(m_worker, &SqlEditorWorker::completionsRead, m_editor, &SqlTextEditor::setCompletions);
        connect(m_worker, &SqlEditorWorker::opened, this, [this](bool ok, const QString &error) {
            m_ui->sqlStatusLabel->setText(ok ? tr("Connected to %1 (%2); %3").arg(m_database, environmentName(m_environment),
                                                                             readOnly() ? tr("read-only") : tr("writes allowed"))
                                          : tr("Cannot connect: %1").arg(error));
            if (ok)
                postTo(m_worker, [](SqlEditorWorker &w) { w.readCompletions(); });
        });
    }
    m_openedWith = m_conninfo;
    postTo(m_worker, [conninfo = m_conninfo](SqlEditorWorker &w) { w.openConnection(conninfo); });
}

bool SqlEditorTab::readOnly() const
{
    return !m_writing;
}

void SqlEditorTab::setWriting(bool on)
{
    if (on && m_environment == Environment::Production) {
        const QString typed = QInputDialog::getText(this, tr("Allow writes on production"),
                                                    tr("Statements will be able to change the production database %1.\n"
                                                       "Type its name to allow writes:").arg(m_database));
        if (typed != m_database) {
            on = false;
            if (!typed.isEmpty())
                m_ui->sqlStatusLabel->setText(tr("\"%1\" is not the database's name: still read-only").arg(typed));
        }
    }
    m_writing = on;
    m_ui->sqlWriteCheck->setChecked(on);
    m_ui->sqlWriteCheck->setStyleSheet(on && m_environment != Environment::Local ? QStringLiteral("QCheckBox { color: #b00020; font-weight: bold; }")
                                                                               : QString());
}

RunSettings SqlEditorTab::settings() const
{
    RunSettings s;
    s.readOnly = readOnly();
    s.pageSize = kPageSize;
    ViewAs viewAs;
    viewAs.mode = ViewAs::Mode(m_ui->sqlViewAsCombo->currentData().toInt());
    viewAs.userId = m_ui->sqlViewAsCombo->property("userId").toString();
    s.role = viewAs.role();
    s.claims = viewAs.claims();
    return s;
}

void SqlEditorTab::runCurrent()
{
    const QList<EditorUnit> units = splitEditorText(m_editor->text());
    int from = 0;
    int to = 0;
    if (m_editor->selectionRange(&from, &to)) {
        start(unitsIn(units, from, to), false, false);
        return;
    }
    const int at = unitAtCursor(units, m_editor->cursorOffset());
    start(at < 0 ? QList<EditorUnit>() : QList<EditorUnit>{units.at(at)}, false, false);
}

void SqlEditorTab::runAll()
{
    start(splitEditorText(m_editor->text()), false, false);
}

void SqlEditorTab::explain(bool analyze)
{
    const QList<EditorUnit> units = splitEditorText(m_editor->text());
    const int at = unitAtCursor(units, m_editor->cursorOffset());
    if (at >= 0 && units.at(at).kind == EditorUnit::Kind::Sql)
        start({units.at(at)}, true, analyze);
}

void SqlEditorTab::dryRun()
{
    ensureConnected();
    if (busy() || !m_worker)
        return;
    QList<EditorUnit> units = splitEditorText(m_editor->text());
    int from = 0;
    int to = 0;
    if (m_editor->selectionRange(&from, &to))
        units = unitsIn(units, from, to);
    QStringList statements;
    QList<int> lines;
    m_dryRunUnits.clear();
    for (const EditorUnit &unit : std::as_const(units)) {
        if (unit.kind == EditorUnit::Kind::Meta)
            continue;  // psql's commands change nothing
        statements << unit.text;
        lines << unit.line;
        m_dryRunUnits << unit;
    }
    if (statements.isEmpty()) {
        m_ui->sqlStatusLabel->setText(tr("Nothing to try"));
        return;
    }
    m_editor->clearErrorMark();
    m_current = Pending{units.first(), false, false};
    m_running = m_nextTicket++;
    setBusy(true);
    postTo(m_worker, [t = m_running, statements, lines](SqlEditorWorker &w) { w.dryRun(t, statements, lines); });
}

void SqlEditorTab::showDryRun(quint64 ticket, const RunReport &report)
{
    if (ticket != m_running)
        return;
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *label = new QLabel(page);
    label->setWordWrap(true);
    auto *tree = new QTreeWidget(page);
    tree->setObjectName(QStringLiteral("sqlDryRunTree"));
    tree->setHeaderLabels({tr("Change"), tr("Kind"), tr("Name"), tr("Definition")});
    RememberedLayout::keep(tree->header(), QStringLiteral("sql/dryRun"));
    layout->addWidget(label);
    layout->addWidget(tree, 1);
    RunReportView::showDryRun(report, {}, tree, label);
    for (const StatementReport &statement : report.statements)
        say(tr("line %1: %2 (dry run)").arg(statement.line).arg(statement.commandTag));
    if (!report.ok && report.failedStatement >= 0 && report.failedStatement < m_dryRunUnits.size()) {
        int line = 0;
        int column = 0;
        errorPlace(m_dryRunUnits.at(report.failedStatement), report.error.position, &line, &column);
        m_editor->markError(line, column);
    }
    say(tr("dry run: %1").arg(report.message));
    m_ui->sqlResultTabs->setCurrentIndex(m_ui->sqlResultTabs->addTab(page, tr("Dry run")));
    m_running = 0;
    setBusy(false);
}

void SqlEditorTab::cancel()
{
    m_queue.clear();
    if (m_worker)
        m_worker->cancel();  // direct: it must not wait behind the statement it cancels
}

void SqlEditorTab::start(const QList<EditorUnit> &units, bool explain, bool analyze)
{
    ensureConnected();
    if (busy() || !m_worker) {
        m_ui->sqlStatusLabel->setText(m_worker ? tr("Busy: cancel first (Esc)") : tr("Not connected"));
        return;
    }
    if (units.isEmpty()) {
        m_ui->sqlStatusLabel->setText(tr("Nothing to run"));
        return;
    }
    m_editor->clearErrorMark();
    m_queue.clear();
    for (const EditorUnit &unit : units)
        m_queue.append({unit, explain, analyze});
    next();
}

bool SqlEditorTab::mayRun(const EditorUnit &unit)
{
    // The migration rules on the statement first: said in the messages, asked about when it destroys.
    LintFile file;
    file.name = QStringLiteral("line %1").arg(unit.line);
    file.sql = unit.text;
    const LintResult lint = lintFile(file);
    bool destructive = false;
    for (const LintFinding &finding : lint.findings) {
        if (finding.rule == QLatin1String("prefer-set-local") || finding.rule == QLatin1String("transaction-nesting"))
            continue;  // an editor session is not a migration
        say(QStringLiteral("line %1: %2[%3] %4").arg(unit.line).arg(lintSeverityName(finding.severity), finding.rule, finding.message));
        destructive = destructive || finding.severity == LintSeverity::Error;
    }
    const SqlScript parsed = parseSqlScript(unit.text);
    destructive = destructive || (parsed.isValid() && parsed.riskLevel() == RiskLevel::Destructive);
    if (!destructive || m_environment == Environment::Local || readOnly())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Destructive statement on %1").arg(environmentName(m_environment)),
                                             tr("This statement can destroy data on %1 (%2):\n\n%3\n\nRun it?")
                                                 .arg(m_database, environmentName(m_environment), unit.text.left(400)),
                                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes;
}

void SqlEditorTab::next()
{
    if (m_queue.isEmpty()) {
        setBusy(false);
        return;
    }
    m_current = m_queue.takeFirst();
    const EditorUnit &unit = m_current.unit;
    if (unit.kind == EditorUnit::Kind::Meta) {
        MetaCommand command;
        QString error;
        if (!parseMetaCommand(unit.text, &command, &error)) {
            say(QStringLiteral("line %1: %2").arg(unit.line).arg(error));
            m_editor->markError(unit.line, unit.column);
            m_queue.clear();
            setBusy(false);
            return;
        }
        if (command.kind == MetaCommand::Kind::ToggleExpanded || command.kind == MetaCommand::Kind::ToggleTiming) {
            bool &flag = command.kind == MetaCommand::Kind::ToggleExpanded ? m_expanded : m_timing;
            flag = !flag;
            say(command.kind == MetaCommand::Kind::ToggleExpanded ? tr("Expanded display is %1.").arg(flag ? tr("on") : tr("off"))
                                                                  : tr("Timing is %1.").arg(flag ? tr("on") : tr("off")));
            for (ResultModel *model : std::as_const(m_models))
                model->setExpanded(m_expanded);
            next();
            return;
        }
        m_running = m_nextTicket++;
        setBusy(true);
        postTo(m_worker, [t = m_running, command, s = settings()](SqlEditorWorker &w) { w.meta(t, command, s); });
        return;
    }
    if (!mayRun(unit)) {
        say(tr("line %1: not run").arg(unit.line));
        m_queue.clear();
        setBusy(false);
        return;
    }
    m_running = m_nextTicket++;
    setBusy(true);
    if (m_current.explain)
        postTo(m_worker, [t = m_running, sql = unit.text, a = m_current.analyze, s = settings()](SqlEditorWorker &w) { w.explain(t, sql, a, s); });
    else
        postTo(m_worker, [t = m_running, u = unit, s = settings()](SqlEditorWorker &w) { w.run(t, u.text, u.line, u.column, s); });
}

void SqlEditorTab::showResult(const QueryResult &result)
{
    if (result.page) {  // rows the grid asked for as it scrolled
        if (ResultModel *model = m_models.value(result.ticket)) {
            model->addPage(result);
            if (!result.ok())
                say(tr("rows %1 and after: %2").arg(result.offset + 1).arg(result.error.toString()));
        }
        return;
    }
    if (result.ticket != m_running)
        return;
    const bool meta = m_current.unit.kind == EditorUnit::Kind::Meta;
    if (!result.columns.isEmpty()) {
        auto *view = new QTableView;
        ElidedToolTips::install(view);  // a long value cut short is read whole on hover
        view->setObjectName(QStringLiteral("resultGrid"));
        auto *model = new ResultModel(view);
        const quint64 ticket = result.ticket;
        model->reset(result, kPageSize, [this, ticket](qint64 offset, int count) {
            postTo(m_worker, [ticket, offset, count](SqlEditorWorker &w) { w.fetchMore(ticket, offset, count); });
        });
        model->setExpanded(m_expanded);
        view->setModel(model);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
        view->resizeColumnsToContents();
        // The same query again (other constants, other spacing) has the columns the user sized.
        const QString fingerprint = statementFingerprint(result.statement);
        if (!fingerprint.isEmpty())
            (new GridColumnWidths(view))->setKey(QStringLiteral("query ") + fingerprint);
        m_models.insert(ticket, model);
        const int at = m_ui->sqlResultTabs->addTab(view, result.title.left(40));
        m_ui->sqlResultTabs->setTabToolTip(at, meta ? m_current.unit.text : result.statement.left(400));
        m_ui->sqlResultTabs->setCurrentIndex(at);
    }
    if (result.last)
        finishOne(result);
}

void SqlEditorTab::finishOne(const QueryResult &result)
{
    const EditorUnit &unit = m_current.unit;
    QString line = QStringLiteral("line %1: ").arg(unit.line);
    if (result.ok()) {
        if (!result.columns.isEmpty())
            line += tr("%1 rows%2").arg(result.rows.size()).arg(result.more ? tr(" so far (more as you scroll)") : QString());
        else
            line += result.commandTag.isEmpty() ? tr("done") : result.commandTag;
    } else {
        line += result.cancelled ? tr("cancelled: ") : QString();
        line += result.error.toString();
        int errorLine = unit.line;
        int errorColumn = unit.column;
        errorPlace(unit, result.error.position, &errorLine, &errorColumn);
        m_editor->markError(errorLine, errorColumn);
        if (result.error.sqlState == QLatin1String("25006"))
            line += tr("\n  (the editor is read-only on %1: switch on Allow writes to change data)").arg(environmentName(m_environment));
    }
    if (m_timing)
        line += tr(" (%1 ms)").arg(result.durationMs);
    for (const QString &notice : result.notices)
        say(notice);
    say(line);
    if (m_history) {
        EditorRun entry;
        entry.profile = m_profile;
        entry.durationMs = result.durationMs;
        entry.rows = result.columns.isEmpty() ? result.affectedRows : result.rows.size();
        entry.ok = result.ok();
        entry.error = result.ok() ? QString() : result.error.toString();
        entry.sql = unit.text;
        if (!m_history->add(entry))
            say(tr("(not kept in the history: %1)").arg(m_history->error()));
    }
    emit ran(unit.text, result.ok());
    const QString kind = result.title.section(QLatin1Char(' '), 0, 0);
    if (result.ok() && (kind == QLatin1String("CREATE") || kind == QLatin1String("ALTER") || kind == QLatin1String("DROP")))
        postTo(m_worker, [](SqlEditorWorker &w) { w.readCompletions(); });  // the names changed
    m_running = 0;
    if (!result.ok())
        m_queue.clear();
    next();
}

void SqlEditorTab::showPlan(quint64 ticket, const QString &json, const DbError &error)
{
    if (ticket != m_running)
        return;
    QueryResult result;
    result.ticket = ticket;
    result.title = m_current.analyze ? tr("EXPLAIN ANALYZE") : tr("EXPLAIN");
    if (error.isError()) {
        result.error = error;
    } else {
        auto *view = new ExplainView;
        view->showPlan(parseExplainJson(json));
        m_ui->sqlResultTabs->setCurrentIndex(m_ui->sqlResultTabs->addTab(view, result.title));
        result.commandTag = result.title;
    }
    finishOne(result);
}

void SqlEditorTab::say(const QString &text)
{
    m_ui->sqlMessagesView->appendPlainText(text);
}

void SqlEditorTab::setBusy(bool busy)
{
    m_ui->sqlCancelButton->setEnabled(busy);
    m_ui->sqlRunButton->setEnabled(!busy);
    m_ui->sqlRunAllButton->setEnabled(!busy);
    m_ui->sqlExplainButton->setEnabled(!busy);
    m_ui->sqlAnalyzeButton->setEnabled(!busy);
    m_ui->sqlDryRunButton->setEnabled(!busy);
    if (busy)
        m_ui->sqlStatusLabel->setText(tr("Running line %1 …").arg(m_current.unit.line));
    else if (m_running == 0 && m_worker)
        m_ui->sqlStatusLabel->setText(readOnly() ? tr("Read-only: the server refuses writes") : tr("Writes allowed on %1").arg(m_database));
}

void SqlEditorTab::updateTransaction(bool open, bool aborted, const QString &message)
{
    m_transactionOpen = open;
    m_ui->sqlBeginButton->setEnabled(!open);
    m_ui->sqlCommitButton->setEnabled(open);
    m_ui->sqlRollbackButton->setEnabled(open);
    m_ui->sqlTransactionLabel->setText(open ? (aborted ? tr("transaction aborted") : tr("transaction open")) : QString());
    m_ui->sqlTransactionLabel->setStyleSheet(open ? QStringLiteral("QLabel { color: white; background: %1; padding: 2px 6px; }")
                                                     .arg(aborted ? QStringLiteral("#b00020") : QStringLiteral("#ef6c00"))
                                               : QString());
    if (!message.isEmpty())
        say(message);
    emit titleChanged();
}
