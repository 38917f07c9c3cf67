// The blockers panel against the local database (offscreen): a second session holds a lock on
// daily_usage, an apply waits for it, the panel names the blocker, and cancelling it lets the
// apply finish.
#include "support/ConsoleWindow.h"
#include "support/ServerActivity.h"
#include "support/TestDatabase.h"
#include "support/TestFiles.h"

#include "core/catalog/MigrationCatalog.h"
#include "ui/migrations/BlockersPanel.h"
#include "ui/MainWindow.h"
#include "ui/migrations/MigrationsPage.h"

#include <QDir>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <thread>

class TestBlockersPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // the lock wait is saved in settings
    void listsTheBlockerAndCancelsIt();
    void theDetailsMadeAfterTheConnectionWatchItsSession();
    void terminatesAnIdleTransactionAfterConfirmation();
    void theLockWaitIsTheUsersToChoose();

private:
    // A folder with the Atlas usage tables (applied here) and one migration that alters
    // daily_usage, saying first which lock_timeout it runs under. False when it cannot be made.
    [[nodiscard]] static bool prepare(const TestDatabase &db, QTemporaryDir *dir)
    {
        const QString first = QStringLiteral("20250918_create_usage_tracking_tables.sql");
        if (!QFile::copy(QDir(QStringLiteral(ATLAS_MIGRATIONS_DIR)).filePath(first), dir->filePath(first))
            || !writeTestFile(dir->filePath(QStringLiteral("20990101000000_add_note_to_daily_usage.sql")),
                              "DO $$ BEGIN RAISE NOTICE 'lock_timeout is %', current_setting('lock_timeout'); END $$;\n"
                              "ALTER TABLE public.daily_usage ADD COLUMN note text;\n"))
            return false;
        const MigrationCatalog catalog = scanMigrationFolder(dir->path());
        auto engine = db.connect();
        MigrationRunner runner(*engine, TestDatabase::runnerOptions());
        return runner.apply(catalog.migrations.first()).ok;
    }
    static QTreeWidget *tree(QWidget &w, const char *name) { return w.findChild<QTreeWidget *>(QLatin1String(name)); }
};

namespace {

// A session that reads daily_usage for `seconds` in one statement, holding ACCESS SHARE on it
// meanwhile; joined when it goes out of scope. holding() waits until its lock is granted.
class Reader {
public:
    Reader(const TestDatabase &db, int seconds)
        : m_db(db)
        , m_connection(db.connect())
        , m_pid(m_connection->exec(QStringLiteral("SELECT pg_backend_pid()")).value(0, 0))
    {
        m_thread = std::thread([this, seconds] {
            m_result = m_connection->exec(QStringLiteral("SELECT count(*), pg_sleep(%1) FROM public.daily_usage").arg(seconds));
        });
    }
    [[nodiscard]] bool holding() const
    {
        return QTest::qWaitFor([this] {
            return m_db.scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE pid = %1 AND relation = "
                                              "'public.daily_usage'::regclass AND granted").arg(m_pid)) == "1";
        }, 10000);
    }
    ~Reader()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    const QString &pid() const { return m_pid; }
    // Its statement's result: valid once it has ended (after join()).
    const PgResult &result()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_result;
    }

private:
    const TestDatabase &m_db;
    std::unique_ptr<PgConnection> m_connection;
    QString m_pid;
    PgResult m_result;
    std::thread m_thread;
};

}  // namespace

void TestBlockersPanel::listsTheBlockerAndCancelsIt()
{
    TestDatabase db;
    QTemporaryDir dir;
    QVERIFY(prepare(db, &dir));

    // The blocker: one statement that reads daily_usage for 60 s, holding ACCESS SHARE meanwhile.
    Reader blocker(db, 60);
    QVERIFY(blocker.holding());
    const QString blockerPid = blocker.pid();

    MainWindow window;
    QVERIFY(openConsole(window, db.conninfo(), dir.path()));
    MigrationsPage *page = window.migrationsPage();
    BlockersPanel *panel = page->blockersPanel();
    QStringList asked;
    panel->setConfirmer([&](const QString &title, const QString &) { asked << title; return true; });
    QSignalSpy done(page, &MigrationsPage::operationDone);
    page->selectVersion(QStringLiteral("20990101000000"));

    QElapsedTimer sinceApply;
    sinceApply.start();
    page->applySelected();
    QTreeWidget *blockers = tree(*panel, "blockerTree");
    QTRY_VERIFY_WITH_TIMEOUT(blockers->topLevelItemCount() == 1, 2000);
    qInfo("blocker listed %lld ms after apply started", sinceApply.elapsed());
    QTreeWidgetItem *row = blockers->topLevelItem(0);
    QCOMPARE(row->text(0), blockerPid);
    QVERIFY2(row->text(7).contains(QLatin1String("pg_sleep(60) FROM public.daily_usage")), qPrintable(row->text(7)));
    QVERIFY2(row->text(6).contains(QLatin1String("AccessShareLock on daily_usage")), qPrintable(row->text(6)));
    QCOMPARE(row->text(4), QStringLiteral("active"));
    QVERIFY(done.isEmpty());  // still waiting
    QVERIFY2(window.findChild<QLabel *>("resultLabel")->text().contains("pid " + blockerPid),
             qPrintable(window.findChild<QLabel *>("resultLabel")->text()));

    // Cancel the blocker's query: its statement ends, its lock goes, the apply finishes.
    QTest::mouseClick(panel->findChild<QPushButton *>("cancelQueryButton"), Qt::LeftButton);
    QCOMPARE(asked, QStringList{"Cancel the query of session " + blockerPid + "?"});
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
    QVERIFY2(done.last().at(1).toBool(), qPrintable(window.findChild<QLabel *>("resultLabel")->text()));
    QCOMPARE(blocker.result().error().sqlState, QStringLiteral("57014"));  // query_canceled
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = 'daily_usage' "
                                      "AND column_name = 'note'")),
             QStringLiteral("1"));
}

void TestBlockersPanel::theDetailsMadeAfterTheConnectionWatchItsSession()
{
    // The window connected before it painted (hidden): the blockers panel, made with the details
    // after it, is given that connection and the engine's session, and finds who blocks.
    TestDatabase db;
    QTemporaryDir dir;
    QVERIFY(prepare(db, &dir));
    Reader blocker(db, 60);
    QVERIFY(blocker.holding());
    MainWindow window;
    window.setMigrationsFolder(dir.path());
    QSignalSpy shown(window.migrationsPage(), &MigrationsPage::statusShown);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    QVERIFY(!window.findChild<QTabWidget *>(QStringLiteral("detailTabs")));
    MigrationsPage *page = window.migrationsPage();
    BlockersPanel *panel = page->blockersPanel();
    QSignalSpy done(page, &MigrationsPage::operationDone);
    page->selectVersion(QStringLiteral("20990101000000"));
    page->applySelected();
    QTreeWidget *blockers = tree(*panel, "blockerTree");
    QTRY_VERIFY_WITH_TIMEOUT(blockers->topLevelItemCount() == 1, 5000);
    QCOMPARE(blockers->topLevelItem(0)->text(0), blocker.pid());
    page->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
    QVERIFY(!done.last().at(1).toBool());  // cancelled
}

void TestBlockersPanel::terminatesAnIdleTransactionAfterConfirmation()
{
    TestDatabase db;
    QTemporaryDir dir;
    QVERIFY(prepare(db, &dir));
    // Idle in a transaction that locked the table: only terminating the session frees it.
    auto holder = db.connect();
    const QString holderPid = holder->exec(QStringLiteral("SELECT pg_backend_pid()")).value(0, 0);
    QVERIFY(holder->exec(QStringLiteral("BEGIN; LOCK TABLE public.daily_usage IN SHARE MODE")).ok());
    // A waiter, so that "Look now" (every blocked session of the database) has something to show.
    auto waiter = db.connect();
    PgResult waited;
    std::thread waiting([&] { waited = waiter->exec(QStringLiteral("SET lock_timeout = '20s'; DELETE FROM public.daily_usage")); });

    BlockersPanel panel;
    panel.setConnection(db.conninfo());
    panel.show();
    QStringList asked;
    bool answer = false;
    panel.setConfirmer([&](const QString &title, const QString &) { asked << title; return answer; });
    QTreeWidget *blockers = tree(panel, "blockerTree");
    QVERIFY(ServerActivity::waitForLockWait(db.directConninfo()));
    panel.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(blockers->topLevelItemCount() == 1, 10000);
    QCOMPARE(blockers->topLevelItem(0)->text(0), holderPid);
    QCOMPARE(blockers->topLevelItem(0)->text(4), QStringLiteral("idle in transaction"));

    // Refused: nothing is sent, the holder still holds.
    QTest::mouseClick(panel.findChild<QPushButton *>("terminateButton"), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY(panel.findChild<QLabel *>("actionLabel")->text().contains("Nothing was sent"));
    QCOMPARE(db.scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = " + holderPid), QStringLiteral("1"));

    answer = true;
    QSignalSpy signalled(&panel, &BlockersPanel::backendSignalled);
    QTest::mouseClick(panel.findChild<QPushButton *>("terminateButton"), Qt::LeftButton);
    QCOMPARE(asked.last(), "Terminate session " + holderPid + "?");
    QTRY_VERIFY_WITH_TIMEOUT(!signalled.isEmpty(), 5000);
    QVERIFY(signalled.first().at(2).toBool());
    waiting.join();
    QVERIFY2(waited.ok(), qPrintable(waited.error().toString()));  // the waiter went on
    QTRY_VERIFY_WITH_TIMEOUT(blockers->topLevelItemCount() == 0, 5000);
}

void TestBlockersPanel::theLockWaitIsTheUsersToChoose()
{
    TestDatabase db;
    QTemporaryDir dir;
    QVERIFY(prepare(db, &dir));
    Reader blocker(db, 30);
    QVERIFY(blocker.holding());
    MainWindow window;
    QVERIFY(openConsole(window, db.conninfo(), dir.path()));
    MigrationsPage *page = window.migrationsPage();
    QSignalSpy done(page, &MigrationsPage::operationDone);
    page->selectVersion(QStringLiteral("20990101000000"));

    // Not a duration: refused, marked, and the previous value stays.
    auto *combo = page->findChild<QComboBox *>("lockTimeoutCombo");
    QCOMPARE(combo->currentText(), QStringLiteral("4s"));
    combo->setCurrentText(QStringLiteral("soon"));
    QVERIFY(combo->toolTip().contains("\"soon\" is not a duration"));
    QVERIFY(!page->setLockTimeout(QStringLiteral("30")));  // milliseconds to PostgreSQL: a unit is required
    combo->setCurrentText(QStringLiteral("1s"));
    QVERIFY(combo->toolTip().endsWith("Now 1s."));

    // The migration runs under the lock_timeout chosen here (it says so itself), gives up waiting
    // for the reader's lock and rolls back.
    page->applySelected();
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 30000);  // four tries of 1 s, with pauses between
    QVERIFY(!done.last().at(1).toBool());
    const QString notices = window.findChild<QPlainTextEdit *>("noticeView")->toPlainText();
    QVERIFY2(notices.contains("NOTICE: lock_timeout is 1s"), qPrintable(notices));
    QVERIFY2(notices.contains("attempt 3 of 4 could not get its lock within lock_timeout"), qPrintable(notices));
    const QString result = window.findChild<QLabel *>("resultLabel")->text();
    QVERIFY2(result.contains("lock timeout"), qPrintable(result));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = 'daily_usage' "
                                      "AND column_name = 'note'")),
             QStringLiteral("0"));
    combo->setCurrentText(QStringLiteral("4s"));
    db.connect()->execParams(QStringLiteral("SELECT pg_cancel_backend($1::int)"), {blocker.pid()});
}

QTEST_MAIN(TestBlockersPanel)
#include "tst_blockerspanel.moc"
