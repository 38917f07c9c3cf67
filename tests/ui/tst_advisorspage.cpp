#include "support/TestDatabase.h"

#include "core/catalog/MigrationCatalog.h"
#include "ui/MainWindow.h"
#include "ui/advise/AdvisorsPage.h"
#include "ui/sqleditor/SqlEditorTab.h"
#include "ui/sqleditor/SqlPage.h"
#include "ui/deferred/SqlTextArea.h"
#include "ui/todos/TodoPage.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

// The Advisors page as an admin works through it: run the checks, read why, open the fix in the
// SQL editor, add a TODO whose evidence is the check and watch it turn green once fixed.
class TestAdvisorsPage : public QObject {
    Q_OBJECT
private slots:
    void runsOpensTheFixAndTracksItAsATodo();
};

void TestAdvisorsPage::runsOpensTheFixAndTracksItAsATodo()
{
    TestDatabase db;
    {
        auto c = db.connect();
        MigrationRunner runner(*c, TestDatabase::runnerOptions());
        QVERIFY(runner.apply(*scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).find("20250918")).ok);
        QVERIFY(c->exec(QStringLiteral("CREATE TABLE public.open_notes (id bigint PRIMARY KEY, body text)")).ok());
    }
    QTemporaryDir dir;
    const QString status = dir.filePath(QStringLiteral("STATUS.md"));
    QVERIFY(QFile::copy(QStringLiteral(ATLAS_SEED_DOCUMENT), status));
    QFile::setPermissions(status, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.setStatusDocument(status);
    window.show();
    window.makePages();  // the pages after the first screen, now
    window.connectTo(db.conninfo());
    AdvisorsPage *page = window.advisorsPage();
    auto *run = page->findChild<QPushButton *>(QStringLiteral("runAdvisorsButton"));
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), 15000);
    QSignalSpy shown(page, &AdvisorsPage::advisorsShown);
    run->click();
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    auto *tree = page->findChild<QTreeWidget *>(QStringLiteral("advisorTree"));
    QTreeWidgetItem *open = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(1) == "rls_disabled_in_public" && tree->topLevelItem(i)->text(2) == "public.open_notes")
            open = tree->topLevelItem(i);
    }
    QVERIFY(open);
    QCOMPARE(open->text(0), QStringLiteral("error"));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("advisorsSummary"))->text().startsWith("1 errors"));
    tree->setCurrentItem(open);
    QCOMPARE(page->findChild<QPlainTextEdit *>(QStringLiteral("advisorFix"))->toPlainText(),
             QStringLiteral("ALTER TABLE public.open_notes ENABLE ROW LEVEL SECURITY;"));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("advisorWhy"))->text().contains("anon key"));

    // The fix opens in a new SQL editor tab.
    page->findChild<QPushButton *>(QStringLiteral("openFixButton"))->click();
    QCOMPARE(window.sqlPage()->currentEditor()->editor()->text(), QStringLiteral("ALTER TABLE public.open_notes ENABLE ROW LEVEL SECURITY;"));

    // Add to TODOs: a line in the status document whose evidence is the check, not done yet.
    QSignalSpy evidence(window.todoPage(), &TodoPage::evidenceShown);
    page->findChild<QPushButton *>(QStringLiteral("addTodoButton"))->click();
    QFile file(status);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll().contains("- [ ] Fix the advisor's rls_disabled_in_public: row level security is off on an exposed table "
                                     "<!-- check: advisor-rls_disabled_in_public -->"),
             "the status document has no such line");
    auto *todos = window.findChild<QTreeWidget *>(QStringLiteral("todoTree"));
    const auto lastEvidence = [todos] { return todos->topLevelItem(todos->topLevelItemCount() - 1)->text(2); };
    QTRY_VERIFY_WITH_TIMEOUT(lastEvidence().startsWith("evidence: not done"), 15000);
    QVERIFY2(lastEvidence().contains("public.open_notes"), qPrintable(lastEvidence()));
    // Fixed in the database: the evidence turns done.
    QVERIFY(db.connect()->exec(QStringLiteral("ALTER TABLE public.open_notes ENABLE ROW LEVEL SECURITY")).ok());
    evidence.clear();
    window.todoPage()->checkEvidence();
    QTRY_VERIFY_WITH_TIMEOUT(!evidence.isEmpty(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(lastEvidence().startsWith("evidence: done"), 15000);
}

QTEST_MAIN(TestAdvisorsPage)
#include "tst_advisorspage.moc"
