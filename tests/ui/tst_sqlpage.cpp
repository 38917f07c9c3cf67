#include "support/TestDatabase.h"

#include "core/catalog/MigrationCatalog.h"
#include "db/local/QueryHistory.h"
#include "ui/sqleditor/ExplainView.h"
#include "ui/sqleditor/ResultModel.h"
#include "ui/sqleditor/SqlEditorTab.h"
#include "ui/sqleditor/SqlPage.h"
#include "ui/deferred/SqlTextArea.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

// The SQL page driven as a user drives it: typing with completion, Ctrl+Enter, results paged from
// a cursor, EXPLAIN ANALYZE as a tree, cancel, the read-only refusal on production, history kept
// across restarts.
class TestSqlPage : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void typesCompletesAndRunsTheStatementAtTheCursor();
    void pagesAMillionRowsWithBoundedMemory();
    void explainAnalyzeShowsATree();
    void cancelsWithEscape();
    void productionIsReadOnlyUntilTheNameIsTyped();
    void viewAsAUserRunsAsThatUser();
    void metaCommandsAndErrorsInTheMargin();
    void keepsTheHistoryAcrossRestarts();
    void dryRunShowsTheChangesAndRollsBack();
    void savesTheEditorAsAMigration();
    void resultColumnsKeepTheWidthsTheUserSet();

private:
    SqlEditorTab *connectedTab(SqlPage &page, Environment environment = Environment::Local);
    static QString messages(SqlEditorTab *tab) { return tab->findChild<QPlainTextEdit *>("sqlMessagesView")->toPlainText(); }
    // Answers the next modal dialog (a QInputDialog with `text`, else a QMessageBox with `button`).
    static void answerNextDialog(const QString &text, QMessageBox::StandardButton button = QMessageBox::Yes)
    {
        QTimer::singleShot(200, [text, button] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *input = qobject_cast<QInputDialog *>(modal)) {
                input->setTextValue(text);
                input->accept();
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                box->button(button)->click();
            }
        });
    }

    std::unique_ptr<TestDatabase> m_db;
    QTemporaryDir m_dir;
};

void TestSqlPage::init()
{
    m_db = std::make_unique<TestDatabase>();
    auto engine = m_db->connect();
    MigrationRunner runner(*engine, TestDatabase::runnerOptions());
    QVERIFY(runner.apply(*scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).find("20250918")).ok);
}

void TestSqlPage::cleanup()
{
    m_db.reset();
}

SqlEditorTab *TestSqlPage::connectedTab(SqlPage &page, Environment environment)
{
    page.resize(1280, 800);
    page.show();
    page.setConnection(m_db->conninfo(), environment, m_db->name(), QStringLiteral("test profile"));
    SqlEditorTab *tab = page.currentEditor();
    const bool connected = QTest::qWaitFor([tab] { return tab->findChild<QLabel *>("sqlStatusLabel")->text().startsWith("Connected to"); }, 10000);
    return connected ? tab : nullptr;
}

void TestSqlPage::typesCompletesAndRunsTheStatementAtTheCursor()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    SqlTextArea *editor = tab->editor();
    // QScintilla's editor, from the module of later parts (not the plain-text stand-in).
    auto *scintilla = qobject_cast<QsciScintilla *>(editor->widget());
    QVERIFY2(scintilla, qPrintable(editor->widget()->toolTip()));
    // The catalog's names are offered for completion.
    QTRY_VERIFY_WITH_TIMEOUT(editor->completions().contains("daily_usage"), 10000);
    QVERIFY(editor->completions().contains("public.daily_usage"));
    QVERIFY(editor->completions().contains("message_count"));
    scintilla->setFocus();
    // Typing a table's first letters offers its name; Return takes it.
    QTest::keyClicks(scintilla, "SELECT count(*) FROM daily_u");
    QTRY_VERIFY_WITH_TIMEOUT(scintilla->isListActive(), 5000);
    QTest::keyClick(scintilla, Qt::Key_Return);
    QCOMPARE(editor->text(), QStringLiteral("SELECT count(*) FROM daily_usage"));
    editor->setText(QStringLiteral("SELECT 1 AS one;\nSELECT 2 AS two, 'x' AS letter;\n"));
    editor->setCursorPosition(1, 3);
    QTest::keyClick(scintilla, Qt::Key_Return, Qt::ControlModifier);
    auto *results = tab->findChild<QTabWidget *>("sqlResultTabs");
    QTRY_COMPARE_WITH_TIMEOUT(results->count(), 2, 10000);
    auto *grid = qobject_cast<QTableView *>(results->currentWidget());
    QVERIFY(grid);
    QCOMPARE(grid->model()->columnCount(), 2);
    QCOMPARE(grid->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("two\ninteger"));
    QCOMPARE(grid->model()->index(0, 0).data().toString(), QStringLiteral("2"));
    QVERIFY2(messages(tab).contains("line 2: 1 rows"), qPrintable(messages(tab)));
    // Everything: both statements, each its own tab.
    QTest::keyClick(scintilla, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(results->count(), 4, 10000);
}

void TestSqlPage::pagesAMillionRowsWithBoundedMemory()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    tab->editor()->setText(QStringLiteral("SELECT g, md5(g::text) FROM generate_series(1, 1000000) g"));
    tab->runCurrent();
    auto *results = tab->findChild<QTabWidget *>("sqlResultTabs");
    QTRY_COMPARE_WITH_TIMEOUT(results->count(), 2, 20000);
    auto *grid = qobject_cast<QTableView *>(results->currentWidget());
    auto *model = qobject_cast<ResultModel *>(grid->model());
    QCOMPARE(model->rowsKnown(), 500);
    QVERIFY(model->hasMore());
    // Scrolling to the end again and again reads page after page.
    for (int i = 0; i < 60; ++i) {
        grid->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowsKnown() >= 500 * (i + 2), 10000);
    }
    QVERIFY2(model->pagesHeld() <= ResultModel::kMaxPages, qPrintable(QString::number(model->pagesHeld())));
    // Back to the top: the first rows were dropped from memory and are read again.
    grid->scrollToTop();
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, 0).data().toString(), QStringLiteral("1"), 10000);
    QCOMPARE(model->index(30500 - 1, 0).data().toString().isEmpty(), false);
}

void TestSqlPage::explainAnalyzeShowsATree()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    tab->editor()->setText(QStringLiteral("SELECT count(*) FROM generate_series(1, 10000) g WHERE g % 7 = 0"));
    QTest::keyClick(tab->editor()->widget(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    auto *results = tab->findChild<QTabWidget *>("sqlResultTabs");
    QTRY_COMPARE_WITH_TIMEOUT(results->count(), 2, 10000);
    auto *view = qobject_cast<ExplainView *>(results->currentWidget());
    QVERIFY(view);
    QTreeWidget *tree = view->tree();
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Aggregate"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("Function Scan"));
    QVERIFY(!tree->topLevelItem(0)->child(0)->text(3).isEmpty());  // actual rows
    QVERIFY(tree->topLevelItem(0)->child(0)->text(6).contains('%'));  // the share
    QVERIFY(view->findChild<QPlainTextEdit *>("rawPlan")->toPlainText().contains("\"Node Type\""));
}

void TestSqlPage::cancelsWithEscape()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    tab->editor()->setText(QStringLiteral("SELECT pg_sleep(30)"));
    tab->runCurrent();
    QTRY_VERIFY(tab->busy());
    QTest::qWait(300);
    QTest::keyClick(tab->editor()->widget(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->busy(), 5000);
    QVERIFY2(messages(tab).contains("cancelled: ERROR 57014"), qPrintable(messages(tab)));
}

void TestSqlPage::productionIsReadOnlyUntilTheNameIsTyped()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page, Environment::Production);
    QVERIFY(tab);
    QVERIFY(tab->readOnly());
    tab->editor()->setText(QStringLiteral("UPDATE public.daily_usage SET message_count = 0 WHERE message_count < 0"));
    tab->runCurrent();
    QTRY_VERIFY_WITH_TIMEOUT(messages(tab).contains("25006"), 10000);
    QVERIFY2(messages(tab).contains("the editor is read-only on production"), qPrintable(messages(tab)));
    // The wrong name keeps it read-only; the database's name allows writes.
    auto *writes = tab->findChild<QCheckBox *>("sqlWriteCheck");
    answerNextDialog(QStringLiteral("not-the-name"));
    writes->click();
    QVERIFY(tab->readOnly());
    answerNextDialog(m_db->name());
    writes->click();
    QVERIFY(!tab->readOnly());
    // A destructive statement on production asks first; "No" runs nothing.
    tab->editor()->setText(QStringLiteral("DELETE FROM public.usage_logs"));
    answerNextDialog(QString(), QMessageBox::No);
    tab->runCurrent();
    QTRY_VERIFY_WITH_TIMEOUT(messages(tab).contains("line 1: not run"), 5000);
    QVERIFY2(messages(tab).contains("error[delete-without-where]"), qPrintable(messages(tab)));
}

void TestSqlPage::viewAsAUserRunsAsThatUser()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    auto *viewAs = tab->findChild<QComboBox *>("sqlViewAsCombo");
    const QString id = QStringLiteral("00000000-0000-0000-0000-00000000002a");
    // Chosen, the user's id is asked for; cancelled, it is the connection's role again.
    answerNextDialog(QString());
    viewAs->setCurrentIndex(3);
    emit viewAs->activated(3);
    QCOMPARE(viewAs->currentIndex(), 0);
    answerNextDialog(id);
    viewAs->setCurrentIndex(3);
    emit viewAs->activated(3);
    QCOMPARE(viewAs->currentIndex(), 3);
    tab->editor()->setText(QStringLiteral("SELECT current_user AS who, auth.uid() AS uid"));
    tab->runCurrent();  // the window is not active again after a dialog offscreen: no key goes to it
    auto *results = tab->findChild<QTabWidget *>("sqlResultTabs");
    QTRY_VERIFY2_WITH_TIMEOUT(results->count() == 2, qPrintable(messages(tab)), 10000);
    auto *grid = qobject_cast<QTableView *>(results->currentWidget());
    QVERIFY2(grid, qPrintable(messages(tab)));
    QCOMPARE(grid->model()->index(0, 0).data().toString(), QStringLiteral("authenticated"));
    QCOMPARE(grid->model()->index(0, 1).data().toString(), id);
}

void TestSqlPage::metaCommandsAndErrorsInTheMargin()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    tab->editor()->setText(QStringLiteral("\\d daily_usage\nSELECT idd\n  FROM public.daily_usage;"));
    tab->runAll();
    auto *results = tab->findChild<QTabWidget *>("sqlResultTabs");
    QTRY_VERIFY_WITH_TIMEOUT(messages(tab).contains("42703"), 10000);
    QCOMPARE(results->count(), 3);  // messages, the columns, the indexes/constraints/policies/triggers
    QCOMPARE(tab->editor()->markedErrorLine(), 2);  // "idd" is on line 2
    int line = 0;
    int index = 0;
    auto *scintilla = qobject_cast<QsciScintilla *>(tab->editor()->widget());
    QVERIFY(scintilla);
    scintilla->getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 7);
}

void TestSqlPage::keepsTheHistoryAcrossRestarts()
{
    const QString path = m_dir.filePath("restart.sqlite");
    {
        SqlPage page(path);
        SqlEditorTab *tab = connectedTab(page);
        QVERIFY(tab);
    QVERIFY(tab);
        tab->editor()->setText(QStringLiteral("SELECT 'remember me' AS note"));
        tab->runCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(messages(tab).contains("line 1: 1 rows"), 10000);
    }
    SqlPage again(path);
    again.setConnection(m_db->conninfo(), Environment::Local, m_db->name(), QStringLiteral("test profile"));
    const QList<EditorRun> runs = again.history()->search(QStringLiteral("test profile"), QStringLiteral("remember"));
    QVERIFY2(again.history()->isOpen(), qPrintable(again.history()->error()));
    QCOMPARE(again.history()->search(QStringLiteral("test profile"), QString()).size(), 1);
    QCOMPARE(runs.size(), 1);
    QVERIFY(runs.first().ok);
    QCOMPARE(runs.first().rows, 1);
    auto *list = again.findChild<QListWidget *>("sqlHistoryList");
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains("remember me"));
    QVERIFY(again.history()->search(QStringLiteral("another profile"), QString()).isEmpty());
    // The status document's checks are the first snippets.
    QCOMPARE(again.history()->snippets().first().name, QStringLiteral("Is daily_usage there?"));
}

void TestSqlPage::dryRunShowsTheChangesAndRollsBack()
{
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    tab->editor()->setText(QStringLiteral("CREATE TABLE public.notes (id bigint PRIMARY KEY);\n"
                                          "INSERT INTO public.notes VALUES (1), (2);\n\\dt\n"));
    QTest::keyClick(tab->editor()->widget(), Qt::Key_D, Qt::ControlModifier);
    auto *results = tab->findChild<QTabWidget *>("sqlResultTabs");
    QTRY_COMPARE_WITH_TIMEOUT(results->count(), 2, 10000);
    QCOMPARE(results->tabText(1), QStringLiteral("Dry run"));
    auto *tree = results->widget(1)->findChild<QTreeWidget *>("sqlDryRunTree");
    QStringList changes;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        changes << tree->topLevelItem(i)->text(0) + ' ' + tree->topLevelItem(i)->text(1) + ' ' + tree->topLevelItem(i)->text(2);
    QVERIFY2(changes.contains("created table public.notes"), qPrintable(changes.join('|')));
    QVERIFY2(messages(tab).contains("line 2: INSERT 0 2 (dry run)"), qPrintable(messages(tab)));
    QCOMPARE(m_db->scalar("SELECT to_regclass('public.notes') IS NULL"), QStringLiteral("t"));  // rolled back
    // A failing statement is marked where it fails; still nothing changed.
    tab->editor()->setText(QStringLiteral("CREATE TABLE public.notes (id bigint);\nINSERT INTO public.notes VALUES ('x');"));
    tab->dryRun();
    QTRY_COMPARE_WITH_TIMEOUT(results->count(), 3, 10000);
    QCOMPARE(tab->editor()->markedErrorLine(), 2);
    QCOMPARE(m_db->scalar("SELECT to_regclass('public.notes') IS NULL"), QStringLiteral("t"));
}

void TestSqlPage::savesTheEditorAsAMigration()
{
    QTemporaryDir folder;
    SqlPage page(m_dir.filePath("history.sqlite"));
    page.setMigrationsFolder(folder.path());
    SqlEditorTab *tab = page.currentEditor();
    QSignalSpy saved(&page, &SqlPage::migrationSaved);
    QString said;
    tab->editor()->setText(QStringLiteral("\\d daily_usage"));
    QVERIFY(!page.saveAsMigration(tab, QStringLiteral("describe"), &said));
    QVERIFY2(said.contains("a migration holds SQL only"), qPrintable(said));
    tab->editor()->setText(QStringLiteral("CREATE TABLE public.notes (id bigint PRIMARY KEY);\n"
                                          "CREATE INDEX notes_id_idx ON public.notes (id);"));
    QVERIFY2(page.saveAsMigration(tab, QStringLiteral("Add notes"), &said), qPrintable(said));
    QCOMPARE(saved.count(), 1);
    const MigrationCatalog catalog = scanMigrationFolder(folder.path());
    QVERIFY2(!catalog.hasErrors(), qPrintable(catalog.errors().value(0).toString()));
    QCOMPARE(catalog.migrations.size(), 1);
    const MigrationFile &migration = catalog.migrations.first();
    QCOMPARE(migration.name, QStringLiteral("add_notes"));
    QCOMPARE(migration.version, saved.first().at(0).toString());
    QVERIFY(migration.up.sql().startsWith("CREATE TABLE public.notes"));
    QVERIFY2(migration.down.sql().contains("DROP TABLE IF EXISTS public.notes;"), qPrintable(migration.down.sql()));
    QVERIFY(!page.saveAsMigration(tab, QStringLiteral("bad;name"), &said));
    QVERIFY(said.endsWith("nothing was saved"));
}

void TestSqlPage::resultColumnsKeepTheWidthsTheUserSet()
{
    // A result column the user widens is as wide when the same query runs again (other constants,
    // other spacing); another query's columns are fitted to their contents.
    QSettings().remove(QStringLiteral("layout/grids"));
    SqlPage page(m_dir.filePath("history.sqlite"));
    SqlEditorTab *tab = connectedTab(page);
    QVERIFY(tab);
    auto *results = tab->findChild<QTabWidget *>("sqlResultTabs");
    const auto run = [&](const QString &sql) -> QTableView * {
        const int before = results->count();
        tab->editor()->setText(sql);
        tab->runCurrent();
        if (!QTest::qWaitFor([&] { return results->count() == before + 1; }, 10000))
            return nullptr;
        return qobject_cast<QTableView *>(results->currentWidget());
    };
    QTableView *grid = run(QStringLiteral("SELECT user_id, date FROM daily_usage WHERE date > '2025-01-01'"));
    QVERIFY(grid);
    QHeaderView *header = grid->horizontalHeader();
    const int fitted = header->sectionSize(1);
    const QPoint border(header->sectionViewportPosition(1) + header->sectionSize(1) - 1, header->height() / 2);
    QTest::mousePress(header->viewport(), Qt::LeftButton, {}, border);
    QTest::mouseMove(header->viewport(), border + QPoint(60, 0));
    QTest::mouseMove(header->viewport(), border + QPoint(150, 0));
    QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, border + QPoint(150, 0));
    const int dragged = header->sectionSize(1);
    QVERIFY2(dragged >= fitted + 120, qPrintable(QStringLiteral("%1 -> %2").arg(fitted).arg(dragged)));

    grid = run(QStringLiteral("select user_id, date\n  from daily_usage\n where date > '2026-06-30'"));
    QVERIFY(grid);
    QCOMPARE(grid->horizontalHeader()->sectionSize(1), dragged);
    grid = run(QStringLiteral("SELECT user_id, date, message_count FROM daily_usage WHERE date > '2025-01-01'"));
    QVERIFY(grid);
    QCOMPARE(grid->horizontalHeader()->sectionSize(1), fitted);
    QSettings().remove(QStringLiteral("layout/grids"));
}

QTEST_MAIN(TestSqlPage)
#include "tst_sqlpage.moc"
