#include "ui/sqleditor/SqlEditorTab.h"

#include "ui_SqlEditorTab.h"

#include "core/sqleditor/MetaCommand.h"
#include "db/local/QueryHistory.h"
#include "db/sqleditor/SqlEditorWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/common/ButtonShortcut.h"
#include "ui/common/RememberedLayout.h"
#include "ui/sqleditor/ResultModel.h"
#include "ui/sqleditor/ResultPages.h"
#include "ui/sqleditor/SqlFindReplace.h"
#include "ui/deferred/DeferredParts.h"
#include "ui/deferred/SqlTextArea.h"
#include "ui/sqleditor/SqlViewAsChooser.h"
#include "ui/sqleditor/SqlWriteGuard.h"

#include <QShortcut>
#include <QTableView>

namespace {

constexpr int kPageSize = 500;

}  // namespace

SqlEditorTab::SqlEditorTab(QueryHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SqlEditorTab>())
    , m_history(history)
{
    m_ui->setupUi(this);
    m_editor = DeferredParts::makeSqlTextArea(this);
    m_editor->widget()->setObjectName(QStringLiteral("sqlEditor"));
    m_ui->editorLayout->addWidget(m_editor->widget());
    m_ui->sqlSplitter->setStretchFactor(0, 2);
    m_ui->sqlSplitter->setStretchFactor(1, 3);
    RememberedLayout::keep(m_ui->sqlSplitter, QStringLiteral("sql/editorSplitter"));  // every tab alike
    m_viewAs = new SqlViewAsChooser(m_ui->sqlViewAsCombo, this);
    m_guard = new SqlWriteGuard(m_ui->sqlWriteCheck, m_ui->sqlStatusLabel, this);

    connect(m_ui->sqlRunButton, &QPushButton::clicked, this, &SqlEditorTab::runCurrent);
    connect(m_ui->sqlRunAllButton, &QPushButton::clicked, this, &SqlEditorTab::runAll);
    connect(m_ui->sqlExplainButton, &QPushButton::clicked, this, [this] { explain(false); });
    connect(m_ui->sqlDryRunButton, &QPushButton::clicked, this, &SqlEditorTab::dryRun);
    connect(m_ui->sqlAnalyzeButton, &QPushButton::clicked, this, [this] { explain(true); });
    connect(m_ui->sqlCancelButton, &QPushButton::clicked, this, &SqlEditorTab::cancel);
    connect(m_ui->sqlBeginButton, &QPushButton::clicked, this, [this] { postTo(m_worker, [s = settings()](SqlEditorWorker &w) { w.begin(s); }); });
    connect(m_ui->sqlCommitButton, &QPushButton::clicked, this, [this] { postTo(m_worker, [](SqlEditorWorker &w) { w.commit(); }); });
    connect(m_ui->sqlRollbackButton, &QPushButton::clicked, this, [this] { postTo(m_worker, [](SqlEditorWorker &w) { w.rollback(); }); });

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
    auto *findReplace = new SqlFindReplace({m_ui->sqlFindBar, m_ui->sqlFindEdit, m_ui->sqlReplaceEdit, m_ui->sqlFindNextButton,
                                            m_ui->sqlReplaceButton, m_ui->sqlReplaceAllButton, m_ui->sqlStatusLabel},
                                           m_editor, this);
    key(QKeySequence(Qt::Key_Escape), [this, findReplace] {
        if (busy())
            cancel();
        else
            findReplace->close();
    });
    key(QKeySequence::Find, [findReplace] { findReplace->open(); });
    m_editor->onModificationChanged(this, [this](bool) { emit titleChanged(); });
    setBusy(false);
}

SqlEditorTab::~SqlEditorTab()
{
    if (m_worker)
        m_worker->stop();
}

void SqlEditorTab::setConnection(const QString &conninfo, Environment environment, const QString &database, const QString &profile)
{
    m_guard->setEnvironment(environment, database);
    m_profile = profile;
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
        connect(m_worker, &SqlEditorWorker::completionsRead, this, [this](const QStringList &names) { m_editor->setCompletions(names); });
        connect(m_worker, &SqlEditorWorker::opened, this, [this](bool ok, const QString &error) {
            m_ui->sqlStatusLabel->setText(ok ? tr("Connected to %1 (%2); %3").arg(m_guard->database(), environmentName(m_guard->environment()),
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
    return m_guard->readOnly();
}

RunSettings SqlEditorTab::settings() const
{
    RunSettings s;
    s.readOnly = readOnly();
    s.pageSize = kPageSize;
    const ViewAs viewAs = m_viewAs->current();
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
    QWidget *page = ResultPages::dryRun(report);
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
    if (!m_guard->mayRun(unit, [this](const QString &line) { say(line); })) {
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
        const quint64 ticket = result.ticket;
        ResultModel *model = nullptr;
        QTableView *view = ResultPages::grid(result, kPageSize, m_expanded, [this, ticket](qint64 offset, int count) {
            postTo(m_worker, [ticket, offset, count](SqlEditorWorker &w) { w.fetchMore(ticket, offset, count); });
        }, &model);
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
            line += tr("\n  (the editor is read-only on %1: switch on Allow writes to change data)").arg(environmentName(m_guard->environment()));
    }
    if (m_timing)
        line += tr(" (%1 ms)").arg(result.durationMs);
    for (const QString &notice : result.notices)
        say(notice);
    say(line);
    // An unavailable history is said once, by the page.
    if (m_history && m_history->isOpen() && !m_history->add(editorRunOf(m_profile, unit.text, result)))
        say(tr("(not kept in the history: %1)").arg(m_history->error()));
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
        m_ui->sqlResultTabs->setCurrentIndex(m_ui->sqlResultTabs->addTab(ResultPages::plan(json), result.title));
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
    for (QPushButton *button : {m_ui->sqlRunButton, m_ui->sqlRunAllButton, m_ui->sqlExplainButton, m_ui->sqlAnalyzeButton, m_ui->sqlDryRunButton})
        button->setEnabled(!busy);
    if (busy)
        m_ui->sqlStatusLabel->setText(tr("Running line %1 …").arg(m_current.unit.line));
    else if (m_running == 0 && m_worker)
        m_ui->sqlStatusLabel->setText(readOnly() ? tr("Read-only: the server refuses writes") : tr("Writes allowed on %1").arg(m_guard->database()));
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
