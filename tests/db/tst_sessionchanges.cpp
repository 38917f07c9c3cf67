#include "support/EngineFixture.h"

#include "core/sql/SqlScript.h"

#include <QtTest>

// Migrations that change the session they run in (SET statement_timeout = 0, SET ROLE, RESET ALL,
// as `supabase db pull` dumps do): the console's limits still hold for the statements after them,
// the history is written as the connecting user, and nothing of it outlives the migration.
class TestSessionChanges : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void statementTimeoutHoldsAfterTheFileTurnsItOff();
    void lockTimeoutHoldsAfterTheFileTurnsItOff();
    void historyIsWrittenAsTheConnectingUser();
    void statementByStatementRunsHaveLimitsAndEndReset();
    void previewFlagsTheChanges();
};

namespace {

RunnerOptions shortLimits()
{
    RunnerOptions options = TestDatabase::runnerOptions();
    options.lockTimeout = QStringLiteral("300ms");
    options.statementTimeout = QStringLiteral("400ms");
    return options;
}

}  // namespace

void TestSessionChanges::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PGPORT"), "run under scripts/localdb (PG* variables)");
}

void TestSessionChanges::statementTimeoutHoldsAfterTheFileTurnsItOff()
{
    EngineFixture f;
    MigrationRunner runner(*f.connection, shortLimits());
    WRITE_FILE(f.path("20240101000000_dump.sql"),
               "SET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n"
               "CREATE TABLE public.t (id int);\nSELECT pg_sleep(30);\n");
    const RunReport report = runner.apply(f.migration("20240101000000"));
    QVERIFY(!report.ok);
    QCOMPARE(report.error.sqlState, QStringLiteral("57014"));  // canceling statement due to statement timeout
    QCOMPARE(report.failedStatement, 3);
    QVERIFY2(report.warnings.join('\n').contains("20240101000000_dump.sql:1: SET statement_timeout changed the migration's limits; "
                                                 "the console put its own back (lock_timeout 300ms, statement_timeout 400ms)"),
             qPrintable(report.warnings.join('\n')));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.t') IS NULL"), QStringLiteral("t"));
}

void TestSessionChanges::lockTimeoutHoldsAfterTheFileTurnsItOff()
{
    EngineFixture f;
    f.db.scalar("CREATE TABLE busy (id int)");
    auto holder = std::make_unique<PgConnection>();
    QCOMPARE(holder->open(f.db.directConninfo(), QStringLiteral("atlas-test-holder")), QString());
    QVERIFY(holder->exec("BEGIN").ok());
    QVERIFY(holder->exec("SELECT * FROM busy").ok());  // ACCESS SHARE, which ALTER TABLE waits for
    MigrationRunner runner(*f.connection, shortLimits());
    WRITE_FILE(f.path("20240101000000_dump.sql"), "RESET ALL;\nSET lock_timeout = 0;\nALTER TABLE busy ADD COLUMN note text;\n");
    const RunReport report = runner.apply(f.migration("20240101000000"));
    QVERIFY(!report.ok);
    QCOMPARE(report.error.sqlState, QStringLiteral("55P03"));  // lock timeout, not a wait for ever
    QCOMPARE(report.failedStatement, 2);
    QVERIFY(holder->exec("ROLLBACK").ok());
}

void TestSessionChanges::historyIsWrittenAsTheConnectingUser()
{
    EngineFixture f;
    WRITE_FILE(f.path("20240101000000_roles.sql"),
               "CREATE TABLE public.notes (id int);\nGRANT ALL ON public.notes TO authenticated;\n"
               "SET search_path = '';\nSET ROLE authenticated;\nINSERT INTO public.notes VALUES (1);\n");
    const RunReport report = f.runner.apply(f.migration("20240101000000"));
    QVERIFY2(report.ok, qPrintable(report.message));
    // Written as authenticated, the history row would be refused (it may not write there).
    QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '20240101000000'"),
             QStringLiteral("1"));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM public.notes"), QStringLiteral("1"));
    // The runner's connection is itself again: user, search_path, limits.
    QCOMPARE(f.connection->exec("SELECT current_user").value(0, 0), f.db.scalar("SELECT session_user"));
    QCOMPARE(f.connection->exec("SHOW search_path").value(0, 0), QStringLiteral("\"$user\", public, extensions"));
}

void TestSessionChanges::statementByStatementRunsHaveLimitsAndEndReset()
{
    EngineFixture f;
    MigrationRunner runner(*f.connection, shortLimits());
    WRITE_FILE(f.path("20240101000000_concurrent.sql"),
               "-- atlas:no-transaction\nCREATE TABLE big (id int);\nSET search_path = '';\n"
               "CREATE INDEX CONCURRENTLY big_id ON public.big (id);\nSELECT pg_sleep(30);\n");
    const RunReport report = runner.apply(f.migration("20240101000000"));
    QVERIFY(!report.ok);
    if (TestDatabase::pooled()) {  // refused whole: each statement could meet another server session
        QVERIFY2(report.message.contains("cannot run through a transaction pooler"), qPrintable(report.message));
        QCOMPARE(f.db.scalar("SELECT to_regclass('public.big') IS NULL"), QStringLiteral("t"));
        return;
    }
    QVERIFY2(report.error.sqlState == "57014", qPrintable(report.message));  // the session's statement_timeout held
    QCOMPARE(report.failedStatement, 3);
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.big_id') IS NOT NULL"), QStringLiteral("t"));  // committed before
    QCOMPARE(f.connection->exec("SHOW search_path").value(0, 0), QStringLiteral("\"$user\", public, extensions"));
    QCOMPARE(f.connection->exec("SHOW statement_timeout").value(0, 0), QStringLiteral("0"));
}

void TestSessionChanges::previewFlagsTheChanges()
{
    EngineFixture f;
    WRITE_FILE(f.path("20240101000000_dump.sql"),
               "SET statement_timeout = 0;\nSET lock_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n"
               "SET LOCAL ROLE authenticated;\nRESET ALL;\nSET client_min_messages = warning;\n");
    const MigrationFile dump = f.migration("20240101000000");
    const RunReport report = f.runner.dryRun(dump, false);
    QVERIFY2(report.ok, qPrintable(report.message));
    const SqlScript &parsed = dump.up.parsed();
    QStringList flagged;
    for (const SqlStatement &s : parsed.statements) {
        if (s.riskLevel() == RiskLevel::Caution)
            flagged << s.changesSetting;
    }
    QCOMPARE(flagged, QStringList({"statement_timeout", "lock_timeout", "search_path", "role", "all"}));
    QCOMPARE(parsed.statements.last().changesSetting, QStringLiteral("client_min_messages"));  // noted, harmless
    QVERIFY(parsed.statements.at(3).changesSettingLocally);
    QVERIFY(parsed.statements.at(3).risks.first().reason.contains("for the rest of the migration's transaction"));
    QCOMPARE(f.db.scalar("SELECT to_regclass('supabase_migrations.schema_migrations') IS NULL"), QStringLiteral("t"));
}

QTEST_GUILESS_MAIN(TestSessionChanges)
#include "tst_sessionchanges.moc"
