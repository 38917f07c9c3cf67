#include "support/TestDatabase.h"

#include "core/catalog/MigrationCatalog.h"

#include <thread>

// Lock retries against a real lock held by another session: a statement that runs out of
// lock_timeout rolls the migration back, waits, and tries again, each try audited.
class TestLockRetries : public QObject {
    Q_OBJECT
private slots:
    void givesUpAfterTheRetriesNamingTheHolder();
    void succeedsOnceTheHolderLetsGo();
    void noRetriesWhenAskedForNone();

private:
    static RunnerOptions options(int retries)
    {
        RunnerOptions o = TestDatabase::runnerOptions();
        o.lockTimeout = QStringLiteral("200ms");
        o.lockRetries = retries;
        return o;
    }
    // The usage tables, applied; the tier migration then wants ACCESS EXCLUSIVE on daily_usage.
    static void applyUsageTables(TestDatabase &db)
    {
        auto engine = db.connect();
        MigrationRunner runner(*engine, TestDatabase::runnerOptions());
        QVERIFY(runner.apply(*scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).find("20250918")).ok);
    }
    // Another session reading daily_usage in an open transaction: ACCESS SHARE, which the tier
    // migration's ALTER TABLE waits for.
    static std::unique_ptr<PgConnection> holdAccessShare(TestDatabase &db)
    {
        auto holder = db.connect();
        if (!holder->exec("BEGIN").ok() || !holder->exec("LOCK TABLE public.daily_usage IN ACCESS SHARE MODE").ok())
            return nullptr;
        return holder;
    }
    static const MigrationFile &tiers()
    {
        static const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
        return *catalog.find("20251002090000");
    }
};

void TestLockRetries::givesUpAfterTheRetriesNamingTheHolder()
{
    TestDatabase db;
    applyUsageTables(db);
    auto holder = holdAccessShare(db);
    QVERIFY(holder);
    auto engine = db.connect();
    MigrationRunner runner(*engine, options(2));
    QStringList said;
    runner.setNoticeHandler([&said](const QString &notice) { said << notice; });
    const RunReport report = runner.apply(tiers());
    QVERIFY(!report.ok);
    QCOMPARE(report.error.sqlState, QStringLiteral("55P03"));
    QCOMPARE(report.lockRetries.size(), 2);
    QCOMPARE(report.lockRetries.at(0).attempt, 1);
    QVERIFY2(report.lockRetries.at(0).statement.startsWith("20251002090000_update_daily_usage_tiers.sql:18:1: ALTER TABLE public.daily_usage"),
             qPrintable(report.lockRetries.at(0).statement));
    QVERIFY2(report.lockRetries.at(0).heldBy.contains("atlas-test") && report.lockRetries.at(0).heldBy.contains("AccessShareLock on daily_usage"),
             qPrintable(report.lockRetries.at(0).heldBy));
    // Backoff: 250-500 ms, then 500-1000 ms.
    QVERIFY(report.lockRetries.at(0).pauseMs >= 250 && report.lockRetries.at(0).pauseMs <= 500);
    QVERIFY(report.lockRetries.at(1).pauseMs >= 500 && report.lockRetries.at(1).pauseMs <= 1000);
    QVERIFY2(report.message.contains("(3 tries; held by pid"), qPrintable(report.message));
    QCOMPARE(said.filter("attempt 2 of 3 could not get its lock").size(), 1);
    QVERIFY(holder->exec("ROLLBACK").ok());
    // Every try is in the audit; nothing of the migration is applied.
    QCOMPARE(db.scalar("SELECT count(*) FROM atlas_console.migration_audit WHERE version = '20251002090000' AND outcome <> 'succeeded'"),
             QStringLiteral("3"));
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '20251002090000'"), QStringLiteral("0"));
}

void TestLockRetries::succeedsOnceTheHolderLetsGo()
{
    TestDatabase db;
    applyUsageTables(db);
    auto holder = holdAccessShare(db);
    QVERIFY(holder);
    std::thread release([&holder] {
        std::this_thread::sleep_for(std::chrono::milliseconds(350));
        holder->exec("ROLLBACK");
    });
    auto engine = db.connect();
    MigrationRunner runner(*engine, options(3));
    const RunReport report = runner.apply(tiers());
    release.join();
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(!report.lockRetries.isEmpty());
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '20251002090000'"), QStringLiteral("1"));
    QCOMPARE(db.scalar("SELECT count(*) FROM atlas_console.migration_audit WHERE version = '20251002090000' AND outcome = 'succeeded'"),
             QStringLiteral("1"));
}

void TestLockRetries::noRetriesWhenAskedForNone()
{
    TestDatabase db;
    applyUsageTables(db);
    auto holder = holdAccessShare(db);
    QVERIFY(holder);
    auto engine = db.connect();
    MigrationRunner runner(*engine, options(0));
    const RunReport report = runner.apply(tiers());
    QVERIFY(!report.ok);
    QVERIFY(report.lockRetries.isEmpty());
    QVERIFY2(report.message.contains("(held by pid"), qPrintable(report.message));
    QVERIFY(holder->exec("ROLLBACK").ok());
}

QTEST_GUILESS_MAIN(TestLockRetries)
#include "tst_lockretries.moc"
