// Faults, on an instance of its own (scripts/localdb start/pause/resume): the server gone in the
// middle of an apply, a status and a browse; clients cut off by PgBouncer; a statement timeout.
// Each time: a specific message, nothing half-applied, and the next attempt works.
#include "support/ServerActivity.h"
#include "support/TestFiles.h"

#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"
#include "db/browse/TableBrowser.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

namespace {

QString localdb(const QStringList &args, QString *stdoutText = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(ATLAS_SOURCE_DIR "/scripts/localdb"), args);
    p.waitForFinished(120000);
    if (stdoutText)
        *stdoutText = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAllStandardError());
}


}  // namespace

class TestFaults : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void serverGoneMidApply();
    void serverGoneMidStatusAndBrowse();
    void statementTimeoutLeavesNothing();
    void poolerCutsTheClientOff();

private:
    QString conninfo(bool viaPooler = false) const
    {
        return QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=postgres password=%2")
            .arg(viaPooler ? m_bouncer : m_port, m_password);
    }
    QString scalar(const QString &sql)
    {
        PgConnection c;
        if (!c.open(conninfo()).isEmpty())
            return QStringLiteral("<no connection>");
        return c.exec(sql).value(0, 0);
    }
    QString m_name;
    QString m_port;
    QString m_bouncer;
    QString m_password;
    QTemporaryDir m_dir;
};

void TestFaults::initTestCase()
{
    m_name = QStringLiteral("faults-%1").arg(QCoreApplication::applicationPid());
    QString env;
    QCOMPARE(localdb({"start", m_name}, &env), QString());
    for (const QString &line : env.split('\n')) {
        if (line.startsWith("export PGPORT="))
            m_port = line.mid(14);
        else if (line.startsWith("export PGPASSWORD="))
            m_password = line.mid(18);
        else if (line.startsWith("export ATLAS_PGBOUNCER_PORT="))
            m_bouncer = line.mid(28);
    }
    QVERIFY(!m_port.isEmpty() && !m_bouncer.isEmpty());
    WRITE_FILE(m_dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(30);\nCREATE TABLE after_sleep (a int);");
    WRITE_FILE(m_dir.filePath("2_quick.sql"), "CREATE TABLE quick (a int);");
}

void TestFaults::cleanupTestCase()
{
    localdb({"stop", m_name});
}

void TestFaults::serverGoneMidApply()
{
    PgConnection c;
    QCOMPARE(c.open(conninfo()), QString());
    MigrationRunner runner(c);
    // The server goes while the migration's second statement runs.
    int sleeping = 0;
    std::thread crash([this, &sleeping] {
        sleeping = ServerActivity::waitForQuery(conninfo(), QStringLiteral("SELECT pg_sleep(30)"));
        localdb({"pause", m_name});
    });
    const MigrationCatalog catalog = scanMigrationFolder(m_dir.path());
    const RunReport report = runner.apply(*catalog.find("1"));
    crash.join();
    QVERIFY(sleeping > 0);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("nothing of this migration was committed"), qPrintable(report.message));
    QVERIFY(!c.isOpen());
    QCOMPARE(localdb({"resume", m_name}), QString());
    // Nothing of it is there, and the next attempt (a new connection) works.
    QCOMPARE(scalar("SELECT to_regclass('public.slow') IS NULL"), QStringLiteral("t"));
    WRITE_FILE(m_dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(0);\nCREATE TABLE after_sleep (a int);");
    PgConnection again;
    QCOMPARE(again.open(conninfo()), QString());
    MigrationRunner retry(again);
    const MigrationCatalog fixed = scanMigrationFolder(m_dir.path());
    QVERIFY2(retry.apply(*fixed.find("1")).ok, "the retry should apply");
    QCOMPARE(scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("1"));
}

void TestFaults::serverGoneMidStatusAndBrowse()
{
    PgConnection c;
    QCOMPARE(c.open(conninfo()), QString());
    MigrationRunner runner(c);
    const MigrationCatalog catalog = scanMigrationFolder(m_dir.path());
    QVERIFY(runner.status(catalog).ok());
    BrowseSpec spec;
    spec.relation = QStringLiteral("pg_catalog.pg_class");
    spec.keyColumns = {QStringLiteral("oid")};
    spec.pageSize = 10;
    const BrowsePage first = TableBrowser::fetchPage(c, spec, PageAnchor::First, {}, {});
    QVERIFY(!first.error.isError());

    QCOMPARE(localdb({"pause", m_name}), QString());
    const StatusReport status = runner.status(catalog);
    QVERIFY(!status.ok());
    QVERIFY2(status.error.message.startsWith("the connection to the server was lost"), qPrintable(status.error.message));
    const BrowsePage next = TableBrowser::fetchPage(c, spec, PageAnchor::After, first.boundaries.last(), {});
    QVERIFY(next.error.message.startsWith("the connection to the server was lost"));
    // Reconnecting while it is down says why, specifically.
    PgConnection refused;
    QVERIFY(refused.open(conninfo()).contains("Connection refused"));

    QCOMPARE(localdb({"resume", m_name}), QString());
    QCOMPARE(c.open(conninfo()), QString());  // reconnect when asked
    QVERIFY(runner.status(catalog).ok());
    const BrowsePage resumed = TableBrowser::fetchPage(c, spec, PageAnchor::After, first.boundaries.last(), {});
    QVERIFY2(!resumed.error.isError(), qPrintable(resumed.error.toString()));
    QCOMPARE(resumed.rows.size(), 10);
}

void TestFaults::poolerCutsTheClientOff()
{
    PgConnection c;
    QCOMPARE(c.open(conninfo(true)), QString());
    RunnerOptions options;
    options.transactionPooled = true;
    MigrationRunner runner(c, options);
    // The server's backend outlives the cut until its statement ends (then it finds the client gone
    // and rolls back): keep the statement short.
    WRITE_FILE(m_dir.filePath("3_slow_pooled.sql"), "CREATE TABLE slow_pooled (a int);\nSELECT pg_sleep(3);");
    int sleeping = 0;
    std::thread cut([this, &sleeping] {
        sleeping = ServerActivity::waitForQuery(conninfo(), QStringLiteral("SELECT pg_sleep(3)"));
        // PgBouncer's admin console: drop every client and server connection of the database.
        PgConnection admin;
        admin.open(QStringLiteral("host=127.0.0.1 port=%1 dbname=pgbouncer user=postgres password=%2").arg(m_bouncer, m_password));
        admin.exec(QStringLiteral("KILL postgres"));
        admin.exec(QStringLiteral("RESUME postgres"));
    });
    const RunReport report = runner.apply(*scanMigrationFolder(m_dir.path()).find("3"));
    cut.join();
    QVERIFY(sleeping > 0);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("nothing of this migration was committed") || report.error.isError(), qPrintable(report.message));
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(3)%' "
                                     "AND pid <> pg_backend_pid()"), QStringLiteral("0"), 10000);
    QCOMPARE(scalar("SELECT to_regclass('public.slow_pooled') IS NULL"), QStringLiteral("t"));
    QCOMPARE(scalar("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '3'"), QStringLiteral("0"));
    PgConnection again;
    QCOMPARE(again.open(conninfo(true)), QString());
    QCOMPARE(again.exec("SELECT 1").value(0, 0), QStringLiteral("1"));
}

void TestFaults::statementTimeoutLeavesNothing()
{
    WRITE_FILE(m_dir.filePath("4_timeout.sql"), "CREATE TABLE timed (a int);\nSELECT pg_sleep(3);");
    PgConnection c;
    QCOMPARE(c.open(conninfo()), QString());
    RunnerOptions options;
    options.statementTimeout = QStringLiteral("300ms");
    MigrationRunner runner(c, options);
    const RunReport report = runner.apply(*scanMigrationFolder(m_dir.path()).find("4"));
    QVERIFY(!report.ok);
    QCOMPARE(report.error.sqlState, QStringLiteral("57014"));
    QVERIFY2(report.message.contains("canceling statement due to statement timeout"), qPrintable(report.message));
    QVERIFY2(report.message.startsWith("4_timeout.sql:2:1:"), qPrintable(report.message));
    QCOMPARE(scalar("SELECT to_regclass('public.timed') IS NULL"), QStringLiteral("t"));
    QVERIFY(c.isOpen());  // the connection stays usable
    QVERIFY(c.exec("SELECT 1").ok());
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
