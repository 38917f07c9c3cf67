// The engine and the browser through PgBouncer in transaction mode (scripts/localdb starts one in
// front of the test cluster), as through Supabase's transaction pooler: no named prepared
// statements, no session state between transactions, the migration lock per transaction.
#include "support/ServerActivity.h"
#include "support/TestDatabase.h"
#include "support/TestFiles.h"

#include "db/blockers/BlockerWatch.h"
#include "db/migrate/CatalogSnapshot.h"
#include "db/migrate/MigrationRunner.h"
#include "db/browse/TableBrowser.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <mutex>
#include <thread>

namespace {

RunnerOptions pooled()
{
    RunnerOptions options;
    options.transactionPooled = true;
    return options;
}


}  // namespace

class TestPooled : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void appliesVerifiesAndRollsBackThroughThePooler();
    void twoRunnersNeverApplyTogether();
    void cancelsThroughThePooler();
    void refusesNoTransactionFilesBehindAPooler();
    void browsesAndViewsAsThroughThePooler();
    void watchNamesOnlyWhatBlocksTheEngine();

private:
    std::unique_ptr<PgConnection> pooledConnection(const TestDatabase &db) const
    {
        auto c = std::make_unique<PgConnection>();
        const QString failure = c->open(QStringLiteral("host=127.0.0.1 port=%1 dbname=%2").arg(m_port).arg(db.name()));
        if (!failure.isEmpty())
            qFatal("pooled connection: %s", qPrintable(failure));
        return c;
    }
    int m_port = 0;
};

void TestPooled::initTestCase()
{
    m_port = qEnvironmentVariableIntValue("ATLAS_PGBOUNCER_PORT");
    QVERIFY2(m_port > 0, "scripts/localdb starts PgBouncer and sets ATLAS_PGBOUNCER_PORT");
}

void TestPooled::appliesVerifiesAndRollsBackThroughThePooler()
{
    TestDatabase db;
    auto c = pooledConnection(db);
    QList<CatalogObject> before;
    QVERIFY(takeCatalogSnapshot(*c, &before).ok());
    MigrationRunner runner(*c, pooled());
    const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    for (const MigrationFile &m : catalog.migrations) {
        const RunReport applied = runner.apply(m);
        QVERIFY2(applied.ok, qPrintable(applied.message));
        const RunReport verified = runner.verify(m);
        QVERIFY2(verified.ok, qPrintable(verified.message));
    }
    const StatusReport status = runner.status(catalog);
    QVERIFY(status.ok());
    for (const MigrationStatusRow &row : status.rows)
        QCOMPARE(migrationStateName(row.state), QStringLiteral("applied"));
    const RunReport preview = runner.dryRun(catalog.migrations.last(), true);
    QVERIFY2(preview.ok, qPrintable(preview.message));
    for (auto it = catalog.migrations.crbegin(); it != catalog.migrations.crend(); ++it)
        QVERIFY(runner.rollback(*it).ok);
    QList<CatalogObject> after;
    QVERIFY(takeCatalogSnapshot(*c, &after).ok());
    QVERIFY(diffSnapshots(before, after).isEmpty());
    // No session advisory lock was left on a server connection of the pool.
    QCOMPARE(db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                       "(SELECT oid FROM pg_database WHERE datname = current_database())"),
             QStringLiteral("0"));
}

void TestPooled::twoRunnersNeverApplyTogether()
{
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(0.5);\n");
    const MigrationFile slow = scanMigrationFolder(dir.path()).migrations.first();
    for (int trial = 0; trial < 5; ++trial) {
        TestDatabase db;
        auto a = pooledConnection(db);
        auto b = pooledConnection(db);
        RunnerOptions quick = pooled();
        quick.lockWaitMs = 0;
        MigrationRunner first(*a, quick);
        MigrationRunner second(*b, quick);
        RunReport ra, rb;
        std::thread other([&] { rb = second.apply(slow); });
        ra = first.apply(slow);
        other.join();
        const int applied = (ra.ok && !ra.skipped ? 1 : 0) + (rb.ok && !rb.skipped ? 1 : 0);
        QVERIFY2(applied == 1, qPrintable(ra.message + " | " + rb.message));
        const RunReport &loser = ra.ok && !ra.skipped ? rb : ra;
        QVERIFY2(loser.lockBusy || loser.skipped, qPrintable(loser.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("1"));
    }
}

void TestPooled::cancelsThroughThePooler()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(20);\n");
    auto c = pooledConnection(db);
    MigrationRunner runner(*c, pooled());
    int sleeping = 0;
    std::thread canceller([&runner, &db, &sleeping] {
        sleeping = ServerActivity::waitForQuery(db.directConninfo(), QStringLiteral("SELECT pg_sleep(20)"));
        runner.cancel();
    });
    const RunReport report = runner.apply(scanMigrationFolder(dir.path()).migrations.first());
    canceller.join();
    QVERIFY(sleeping > 0);
    QVERIFY(report.cancelled);
    QCOMPARE(report.error.sqlState, QStringLiteral("57014"));
    QCOMPARE(db.scalar("SELECT to_regclass('public.slow') IS NULL"), QStringLiteral("t"));
}

void TestPooled::refusesNoTransactionFilesBehindAPooler()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_index.sql"), "-- atlas:no-transaction\nCREATE INDEX CONCURRENTLY i ON pg_class (relname);");
    auto c = pooledConnection(db);
    MigrationRunner runner(*c, pooled());
    const RunReport report = runner.apply(scanMigrationFolder(dir.path()).migrations.first());
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("cannot run through a transaction pooler"), qPrintable(report.message));
}

void TestPooled::browsesAndViewsAsThroughThePooler()
{
    TestDatabase db;
    {
        auto direct = db.connect();
        MigrationRunner runner(*direct);
        QVERIFY(runner.apply(scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).migrations.first()).ok);
        QVERIFY(direct->exec("INSERT INTO auth.users (id, email) SELECT gen_random_uuid(), 'u' || g || '@example.com' FROM generate_series(1, 3) g;"
                             "INSERT INTO daily_usage (user_id, date) SELECT u.id, current_date - d FROM auth.users u, generate_series(0, 99) d;").ok());
    }
    auto c = pooledConnection(db);
    BrowseSpec spec;
    spec.relation = QStringLiteral("public.daily_usage");
    spec.keyColumns = {QStringLiteral("id")};
    spec.pageSize = 50;
    int rows = 0;
    BrowsePage page = TableBrowser::fetchPage(*c, spec, PageAnchor::First, {}, {});
    while (!page.rows.isEmpty()) {
        QVERIFY(!page.error.isError());
        rows += int(page.rows.size());
        page = TableBrowser::fetchPage(*c, spec, PageAnchor::After, page.boundaries.last(), {});
    }
    QCOMPARE(rows, 300);
    // The claims are set per transaction, so the next transaction (maybe another server
    // connection) starts clean.
    ViewAs user;
    user.mode = ViewAs::Mode::Authenticated;
    user.userId = db.scalar("SELECT id FROM auth.users WHERE email = 'u1@example.com'");
    DbError error;
    QCOMPARE(TableBrowser::count(*c, spec, user, &error), qint64(100));
    QCOMPARE(TableBrowser::count(*c, spec, {}, &error), qint64(300));
    QCOMPARE(c->exec("SELECT current_user").value(0, 0), qEnvironmentVariable("PGUSER"));
}

// Behind the pooler the engine's server process changes by transaction: the watch follows the
// runner's published pid, so it names the session the migration waits for, and never lists the
// migration itself when application queries wait behind it.
void TestPooled::watchNamesOnlyWhatBlocksTheEngine()
{
    TestDatabase db;
    QTemporaryDir dir;
    QVERIFY(db.connect()->exec("CREATE TABLE t (a int); CREATE TABLE u (a int)").ok());
    WRITE_FILE(dir.filePath("1_alter_t.sql"), "ALTER TABLE t ADD COLUMN b int;");
    WRITE_FILE(dir.filePath("2_hold_u.sql"), "ALTER TABLE u ADD COLUMN b int;\nSELECT pg_sleep(2.5);");
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    auto engine = pooledConnection(db);
    RunnerOptions options = pooled();
    options.lockTimeout = QStringLiteral("20s");
    MigrationRunner runner(*engine, options);
    std::mutex mutex;
    QStringList reported;
    BlockerWatch watch(QStringLiteral("host=127.0.0.1 port=%1 dbname=%2").arg(m_port).arg(db.name()), runner.backendPid(),
                       [&](const QString &line) {
                           const std::lock_guard<std::mutex> lock(mutex);
                           reported << line;
                       });

    // 1: a reader holds t for 2.5 s; the engine's ALTER waits, and the watch names the reader.
    auto reader = db.connect();
    const QString readerPid = reader->exec("SELECT pg_backend_pid()").value(0, 0);
    std::thread reading([&] { reader->exec("SELECT count(*), pg_sleep(2.5) FROM t"); });
    QVERIFY(ServerActivity::waitForQuery(db.directConninfo(), QStringLiteral("SELECT count(*), pg_sleep(2.5) FROM t")) > 0);
    QVERIFY2(runner.apply(*catalog.find("1")).ok, "the ALTER goes on once the reader is done");
    reading.join();
    {
        const std::lock_guard<std::mutex> lock(mutex);
        QCOMPARE(reported.size(), 1);
        QVERIFY2(reported.first().contains("pid " + readerPid + " ") && reported.first().contains("pg_sleep(2.5) FROM t"),
                 qPrintable(reported.first()));
        reported.clear();
    }

    // 2: the engine holds u while an application query waits behind it: nothing blocks the engine.
    auto app = db.connect();
    bool queued = false;
    std::thread waiting([&] {
        // Once the engine holds u (its migration sleeps), the application query queues behind it.
        queued = ServerActivity::waitForQuery(db.directConninfo(), QStringLiteral("SELECT pg_sleep(2.5)")) > 0;
        if (queued)
            app->exec("SELECT count(*) FROM u");
    });
    QVERIFY(runner.apply(*catalog.find("2")).ok);
    waiting.join();
    QVERIFY(queued);
    const std::lock_guard<std::mutex> lock(mutex);
    QVERIFY2(reported.isEmpty(), qPrintable(reported.join('\n')));
}

QTEST_GUILESS_MAIN(TestPooled)
#include "tst_pooled.moc"
