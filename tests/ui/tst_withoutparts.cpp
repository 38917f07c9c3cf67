#include "support/TestDatabase.h"

#include "core/catalog/MigrationCatalog.h"
#include "db/browse/BrowseWorker.h"
#include "db/local/QueryHistory.h"
#include "db/migrate/MigrationRunner.h"
#include "ui/browse/BrowserPage.h"
#include "ui/connection/PasswordStore.h"
#include "ui/deferred/DeferredParts.h"
#include "ui/deferred/SqlTextArea.h"
#include "ui/deferred/UsageChartView.h"
#include "ui/sqleditor/SqlEditorTab.h"
#include "ui/sqleditor/SqlPage.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

// A console whose module of later parts (libatlas-console-parts.so) is missing, as a broken
// install would leave it: nothing fails half-way. The SQL editor is plain text and still runs
// and marks errors, the chart says why it is not drawn, the keychain answers "unavailable" (the
// .pgpass fallback takes over) and the history says it is not kept; the built-in snippets stay.
class TestWithoutParts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void theSqlEditorIsPlainTextAndStillRuns();
    void theChartSaysWhy();
    void theKeychainIsUnavailableWithTheReason();

private:
    QTemporaryDir m_empty;
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
};

void TestWithoutParts::initTestCase()
{
    qputenv("ATLAS_PARTS_DIR", QFile::encodeName(m_empty.path()));  // before anything opens the module
    QVERIFY(DeferredParts::modulePath().isEmpty());
    QVERIFY2(DeferredParts::problem().contains(QStringLiteral("libatlas-console-parts.so was not found (looked in %1)").arg(m_empty.path())),
             qPrintable(DeferredParts::problem()));
    m_db = std::make_unique<TestDatabase>();
    auto engine = m_db->connect();
    MigrationRunner runner(*engine, TestDatabase::runnerOptions());
    QVERIFY(runner.apply(*scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).find("20250918")).ok);
}

void TestWithoutParts::theSqlEditorIsPlainTextAndStillRuns()
{
    SqlPage page(m_dir.filePath(QStringLiteral("history.sqlite")));
    page.resize(1280, 800);
    page.show();
    page.setConnection(m_db->conninfo(), Environment::Local, m_db->name(), QStringLiteral("test profile"));
    SqlEditorTab *tab = page.currentEditor();
    QTRY_VERIFY_WITH_TIMEOUT(tab->findChild<QLabel *>("sqlStatusLabel")->text().startsWith("Connected to"), 10000);
    auto *plain = qobject_cast<QPlainTextEdit *>(tab->editor()->widget());
    QVERIFY(plain);
    QVERIFY2(plain->placeholderText().contains(QLatin1String("no highlighting or completion, because libatlas-console-parts.so was not found")),
             qPrintable(plain->placeholderText()));
    // Typed, run, the error's line marked and the cursor put on it.
    plain->setFocus();
    QTest::keyClicks(plain, "SELECT 1 AS one;");
    QTest::keyClick(plain, Qt::Key_Return);
    QTest::keyClicks(plain, "SELECT idd");
    QTest::keyClick(plain, Qt::Key_Return);
    QTest::keyClicks(plain, "  FROM public.daily_usage;");
    QCOMPARE(tab->editor()->text(), QStringLiteral("SELECT 1 AS one;\nSELECT idd\n  FROM public.daily_usage;"));
    QVERIFY(tab->editor()->isModified());
    tab->runAll();
    auto *messages = tab->findChild<QPlainTextEdit *>("sqlMessagesView");
    QTRY_VERIFY_WITH_TIMEOUT(messages->toPlainText().contains("42703"), 10000);
    QVERIFY2(messages->toPlainText().contains("line 1: 1 rows"), qPrintable(messages->toPlainText()));
    QCOMPARE(tab->editor()->markedErrorLine(), 2);
    QCOMPARE(plain->textCursor().blockNumber(), 1);
    QCOMPARE(plain->extraSelections().size(), 1);
    // Find and replace work on plain text as well.
    tab->editor()->setCursorPosition(0, 0);
    QVERIFY(tab->editor()->findNext(QStringLiteral("IDD"), false));
    QCOMPARE(tab->editor()->selectedText(), QStringLiteral("idd"));
    tab->editor()->replaceSelectedText(QStringLiteral("tier"));
    QVERIFY(tab->editor()->text().contains(QLatin1String("SELECT tier\n")));
    // The history says it is unavailable, and why; the built-in snippets are still offered.
    QVERIFY(!page.history()->isOpen());
    const QString said = page.findChild<QLabel *>("sqlHistoryLabel")->text();
    QVERIFY2(said.startsWith(QLatin1String("History unavailable: ")) && said.contains(QLatin1String("libatlas-console-parts.so")), qPrintable(said));
    QVERIFY(page.findChild<QListWidget *>("sqlSnippetList")->count() >= QueryHistory::builtInSnippets().size());
}

void TestWithoutParts::theChartSaysWhy()
{
    BrowseWorker *worker = BrowseWorker::startOnOwnThread();
    {
        BrowserPage page(worker);
        UsageChartView *chart = page.usageChart();
        auto *label = qobject_cast<QLabel *>(chart->widget());
        QVERIFY(label);
        QVERIFY2(label->text().startsWith(QLatin1String("The chart cannot be drawn: libatlas-console-parts.so was not found")),
                 qPrintable(label->text()));
        chart->showPoints({{QStringLiteral("2026-12-01"), QStringLiteral("free"), 3, QStringLiteral("0.5")}}, QStringLiteral("public.daily_usage"));
        QVERIFY2(label->text().contains(QLatin1String("public.daily_usage: 1 sums by day and tier were read.")), qPrintable(label->text()));
        QCOMPARE(chart->barSetCount(), 0);
    }
    worker->stop();
}

void TestWithoutParts::theKeychainIsUnavailableWithTheReason()
{
    PasswordStore store;
    bool answered = false;
    bool available = true;
    QString error;
    store.read(QStringLiteral("profile"), [&](bool found, const QString &, bool reachable, const QString &why) {
        answered = true;
        QVERIFY(!found);
        available = reachable;
        error = why;
    });
    QVERIFY(!answered);  // asynchronous, as a keychain job is
    QTRY_VERIFY(answered);
    QVERIFY(!available);  // the caller falls back to ~/.pgpass
    QVERIFY2(error.contains(QLatin1String("the keychain cannot be reached: libatlas-console-parts.so was not found")), qPrintable(error));
    bool written = true;
    store.write(QStringLiteral("profile"), QStringLiteral("secret"), [&](bool ok, bool reachable, const QString &) {
        written = ok || reachable;
    });
    QTRY_VERIFY(!written);
}

QTEST_MAIN(TestWithoutParts)
#include "tst_withoutparts.moc"
