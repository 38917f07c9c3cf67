// The migration engine against the real local database, one fresh database per test case.
#include "support/EngineFixture.h"
#include "support/ServerActivity.h"

#include "core/sql/SupabaseSplitter.h"
#include "core/catalog/MigrationCatalog.h"
#include "core/sql/SqlScript.h"
#include "db/migrate/CatalogSnapshot.h"
#include "db/migrate/MigrationLock.h"
#include "db/migrate/MigrationRunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

namespace {

MigrationCatalog atlasCatalog()
{
    return scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
}

QList<CatalogObject> snapshot(PgConnection &connection)
{
    QList<CatalogObject> objects;
    const PgResult result = takeCatalogSnapshot(connection, &objects);
    if (!result.ok())
        qFatal("snapshot: %s", qPrintable(result.error().toString()));
    return objects;
}

// Both history tables as text (without timestamps and durations), or "absent".
QString historyDump(PgConnection &connection)
{
    QString dump;
    PgResult result = connection.exec(QStringLiteral(
        "SELECT CASE WHEN to_regclass('supabase_migrations.schema_migrations') IS NULL THEN 'absent' ELSE "
        "(SELECT coalesce(string_agg(format('%s|%s|%s', version, name, statements), E'\\n' ORDER BY version), '') "
        "FROM supabase_migrations.schema_migrations) END"));
    dump += result.value(0, 0) + QLatin1Char('\n');
    result = connection.exec(QStringLiteral(
        "SELECT CASE WHEN to_regclass('atlas_console.migration_audit') IS NULL THEN 'absent' ELSE "
        "(SELECT coalesce(string_agg(format('%s|%s|%s|%s', id, version, direction, outcome), E'\\n' ORDER BY id), '') "
        "FROM atlas_console.migration_audit) END"));
    return dump + result.value(0, 0);
}


QString describe(const QList<SchemaChange> &changes)
{
    QStringList lines;
    for (const SchemaChange &c : changes)
        lines << schemaChangeTypeName(c.type) + QLatin1Char(' ') + c.kind + QLatin1Char(' ') + c.name;
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

class TestMigrationRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void appliesVerifiesAndRollsBackTheAtlasMigrations();
    void writesHistoryAsTheSupabaseCliDoes();
    void statusOnAnEmptyDatabaseCreatesNothing();
    void statusWorksReadOnly();
    void statusShowsEveryState();
    void dryRunChangesNothingAndListsWhatTheUpFileCreates();
    void failureAtEveryStatementLeavesNothingBehind();
    void refusesSyntaxErrorsBeforeTouchingTheDatabase();
    void refusesNonTransactionalStatementsUnlessMarked();
    void refusesRollbackWithoutDownFile();
    void reportsTheLockHolder();
    void cancelLeavesNothingApplied();
    void survivesATerminatedBackend();
    void derivesChecksWithoutAVerifyScript();
    void locatesServerErrorsInTheFile();
    void keepsACancelThatArrivesBetweenSteps();
    void badTimeoutLeavesNoLockBehind();
    void refusesAVerifyScriptThatCommits();
    void aFailedApplyLaterRecordedElsewhereIsApplied();
    void repairRecordsWithoutRunningAndAudits();
    void partialFailureOutsideATransactionResumesOrRunsDown();
    void statusTrustsOnlyTheRowsItsApplyWrote();
    void halfDoneStateSurvivesCancelsAndLostConnections();
    void statusReadsAnOldCliTableWithoutStatements();
    void parsesEachFileOnceAcrossARun();
};

void TestMigrationRunner::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PGPORT"), "run under scripts/localdb (PG* variables)");
    const MigrationCatalog catalog = atlasCatalog();
    QVERIFY2(!catalog.hasErrors(), qPrintable(catalog.issues.value(0).toString()));
    QCOMPARE(catalog.migrations.size(), 3);
}

void TestMigrationRunner::appliesVerifiesAndRollsBackTheAtlasMigrations()
{
    EngineFixture f;
    const QList<CatalogObject> before = snapshot(*f.connection);
    const MigrationCatalog catalog = atlasCatalog();

    // Each migration, then its verify checks on the state it leaves.
    for (const MigrationFile &m : catalog.migrations) {
        const QList<RunReport> applied = f.runner.applyPending(catalog, m.version);
        QCOMPARE(applied.size(), 1);
        QVERIFY2(applied.first().ok && !applied.first().skipped, qPrintable(applied.first().message));
        const RunReport verified = f.runner.verify(m);
        QVERIFY2(verified.ok, qPrintable(verified.message));
        QVERIFY(verified.checks.size() >= 2);
    }
    for (const MigrationStatusRow &row : f.runner.status(catalog).rows)
        QCOMPARE(migrationStateName(row.state), QStringLiteral("applied"));

    // Applying again does nothing.
    const QList<RunReport> again = f.runner.applyPending(catalog);
    QCOMPARE(again.size(), 1);
    QVERIFY(again.first().skipped);

    for (auto it = catalog.migrations.crbegin(); it != catalog.migrations.crend(); ++it) {
        const RunReport rolledBack = f.runner.rollback(*it);
        QVERIFY2(rolledBack.ok && !rolledBack.skipped, qPrintable(rolledBack.message));
    }
    QCOMPARE(describe(diffSnapshots(before, snapshot(*f.connection))), QString());
    for (const MigrationStatusRow &row : f.runner.status(catalog).rows)
        QCOMPARE(migrationStateName(row.state), QStringLiteral("pending"));
    // up - down - up
    for (const RunReport &r : f.runner.applyPending(catalog))
        QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("3"));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM atlas_console.migration_audit WHERE outcome = 'succeeded'"),
             QStringLiteral("12"));  // 3 up + 3 verify + 3 down + 3 up
}

void TestMigrationRunner::writesHistoryAsTheSupabaseCliDoes()
{
    EngineFixture f;
    const MigrationCatalog catalog = atlasCatalog();
    const RunReport report = f.runner.apply(catalog.migrations.first());
    QVERIFY2(report.ok, qPrintable(report.message));

    // The CLI's table: version text NOT NULL PRIMARY KEY, statements text[], name text.
    QCOMPARE(f.db.scalar("SELECT string_agg(format('%s %s %s', column_name, data_type, is_nullable), ', ' ORDER BY ordinal_position) "
                       "FROM information_schema.columns WHERE table_schema = 'supabase_migrations' AND table_name = 'schema_migrations'"),
             QStringLiteral("version text NO, statements ARRAY YES, name text YES"));
    QCOMPARE(f.db.scalar("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'supabase_migrations.schema_migrations'::regclass"),
             QStringLiteral("PRIMARY KEY (version)"));
    QCOMPARE(f.db.scalar("SELECT version || ' ' || name FROM supabase_migrations.schema_migrations"),
             QStringLiteral("20250918 create_usage_tracking_tables"));
    // statements: the file split as the CLI splits it, trimmed, without the ';'.
    auto check = f.db.connect();
    const PgResult rows = check->exec(QStringLiteral("SELECT unnest(statements) FROM supabase_migrations.schema_migrations"));
    QStringList stored;
    for (int r = 0; r < rows.rowCount(); ++r)
        stored << rows.value(r, 0);
    const QStringList expected = catalog.migrations.first().up.cliStatements();
    QCOMPARE(stored.size(), expected.size());
    QCOMPARE(stored, expected);
    QVERIFY(!stored.first().endsWith(QLatin1Char(';')));
    // The audit row: who, when, checksum, outcome.
    QCOMPARE(f.db.scalar("SELECT format('%s %s %s %s', version, direction, outcome, checksum) FROM atlas_console.migration_audit"),
             QStringLiteral("20250918 up succeeded ") + QString::fromLatin1(catalog.migrations.first().up.sha256()));
    QCOMPARE(f.db.scalar("SELECT actor <> '' AND database_user = current_user AND finished_at >= started_at FROM atlas_console.migration_audit"),
             QStringLiteral("t"));
}

void TestMigrationRunner::statusOnAnEmptyDatabaseCreatesNothing()
{
    EngineFixture f;
    const StatusReport status = f.runner.status(atlasCatalog());
    QVERIFY2(status.ok(), qPrintable(status.error.toString()));
    QCOMPARE(status.rows.size(), 3);
    for (const MigrationStatusRow &row : status.rows)
        QCOMPARE(row.state, MigrationState::Pending);
    QCOMPARE(f.db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname IN ('supabase_migrations', 'atlas_console')"),
             QStringLiteral("0"));
}

void TestMigrationRunner::statusWorksReadOnly()
{
    TestDatabase db;
    {
        // Every session of this database is read-only by default from now on (as on a standby);
        // the writer, connected directly, overrides that for itself.
        PgConnection admin;
        QCOMPARE(admin.open(QStringLiteral("dbname=postgres")), QString());
        QVERIFY(admin.exec(QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = on").arg(db.name())).ok());
        PgConnection writer;
        QCOMPARE(writer.open(QStringLiteral("dbname=%1 options='-c default_transaction_read_only=off'").arg(db.name())), QString());
        MigrationRunner runner(writer);
        QVERIFY(runner.apply(atlasCatalog().migrations.first()).ok);
    }
    auto reader = db.connect();
    QCOMPARE(reader->exec("SHOW default_transaction_read_only").value(0, 0), QStringLiteral("on"));
    MigrationRunner runner(*reader, TestDatabase::runnerOptions());
    const StatusReport status = runner.status(atlasCatalog());
    QVERIFY2(status.ok(), qPrintable(status.error.toString()));
    QCOMPARE(status.rows.at(0).state, MigrationState::Applied);
    QCOMPARE(status.rows.at(1).state, MigrationState::Pending);
    // A write on the same read-only connection fails cleanly and says why.
    const RunReport refused = runner.apply(atlasCatalog().migrations.at(1));
    QVERIFY(!refused.ok);
    QVERIFY2(refused.message.contains(QLatin1String("read-only transaction")), qPrintable(refused.message));
}

void TestMigrationRunner::statusShowsEveryState()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_first.sql"), "CREATE TABLE first (id int);");
    WRITE_FILE(f.dir.filePath("2_second.sql"), "CREATE TABLE second (id int);");
    WRITE_FILE(f.dir.filePath("3_third.sql"), "CREATE TABLE third (id int);");
    WRITE_FILE(f.dir.filePath("4_broken.sql"), "CREATE TABLE fourth (id int REFERENCES nowhere (id));");
    WRITE_FILE(f.dir.filePath("5_gone.sql"), "CREATE TABLE gone (id int);");
    MigrationCatalog catalog = scanMigrationFolder(f.dir.path());
    QVERIFY(f.runner.apply(*catalog.find("2")).ok);  // 1 is now out of order
    QVERIFY(f.runner.apply(*catalog.find("3")).ok);
    QVERIFY(f.runner.apply(*catalog.find("5")).ok);
    QVERIFY(!f.runner.apply(*catalog.find("4")).ok);
    WRITE_FILE(f.dir.filePath("3_third.sql"), "CREATE TABLE third (id bigint);");  // edited after apply
    QFile::remove(f.dir.filePath("5_gone.sql"));
    catalog = scanMigrationFolder(f.dir.path());

    const StatusReport status = f.runner.status(catalog);
    QVERIFY(status.ok());
    QStringList states;
    for (const MigrationStatusRow &row : status.rows)
        states << row.version + QLatin1Char(' ') + migrationStateName(row.state);
    QCOMPARE(states, (QStringList{"1 out of order", "2 applied", "3 modified", "4 failed", "5 missing file"}));
    QCOMPARE(status.rows.at(2).detail, QStringLiteral("file changed since it was applied: statement 1 differs"));
    QVERIFY2(status.rows.at(3).detail.contains(QLatin1String("relation \"nowhere\" does not exist")),
             qPrintable(status.rows.at(3).detail));
    QVERIFY(status.rows.at(1).appliedAt.has_value());
}

void TestMigrationRunner::dryRunChangesNothingAndListsWhatTheUpFileCreates()
{
    EngineFixture f;
    const QList<CatalogObject> before = snapshot(*f.connection);
    const QString historyBefore = historyDump(*f.connection);
    const MigrationCatalog atlas = atlasCatalog();
    const MigrationFile &usage = atlas.migrations.first();
    const RunReport report = f.runner.dryRun(usage);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(describe(diffSnapshots(before, snapshot(*f.connection))), QString());
    QCOMPARE(historyDump(*f.connection), historyBefore);

    // Every table, column, index, policy, function and trigger the parsed file creates is in the
    // diff, and the diff creates no such object the file does not.
    QSet<QString> fromFile;
    for (const SqlStatement &s : usage.up.parsed().statements) {
        for (const CreatedObject &o : s.creates) {
            const QString schema = o.schema.isEmpty() ? QStringLiteral("public") : o.schema;
            switch (o.kind) {
            case CreatedObject::Kind::Table: fromFile << "table " + schema + "." + o.table; break;
            case CreatedObject::Kind::Column: fromFile << "column " + schema + "." + o.table + "." + o.name; break;
            case CreatedObject::Kind::Index: fromFile << "index " + schema + "." + o.name; break;
            case CreatedObject::Kind::Policy: fromFile << "policy " + schema + "." + o.table + "." + o.name; break;
            case CreatedObject::Kind::Function: fromFile << "function " + schema + "." + o.name; break;
            case CreatedObject::Kind::Trigger: fromFile << "trigger " + schema + "." + o.table + "." + o.name; break;
            default: break;
            }
        }
    }
    // Indexes that back a PRIMARY KEY or UNIQUE constraint come with the constraint.
    QSet<QString> constraintNames;
    for (const SchemaChange &c : report.schemaChanges) {
        if (c.kind == "constraint")
            constraintNames << c.name.section('.', -1);
    }
    QSet<QString> fromDiff;
    for (const SchemaChange &c : report.schemaChanges) {
        if (c.kind == "index" && constraintNames.contains(c.name.section('.', -1)))
            continue;
        QCOMPARE(schemaChangeTypeName(c.type) + " " + c.name, QStringLiteral("created ") + c.name);
        static const QSet<QString> kinds{"table", "column", "index", "policy", "function", "trigger"};
        if (kinds.contains(c.kind))
            fromDiff << c.kind + " " + (c.kind == "function" ? c.name.section('(', 0, 0) : c.name);
    }
    QStringList missing = (fromFile - fromDiff).values();
    QStringList extra = (fromDiff - fromFile).values();
    missing.sort();
    extra.sort();
    QVERIFY2(missing.isEmpty(), qPrintable("not in the diff: " + missing.join(", ")));
    QVERIFY2(extra.isEmpty(), qPrintable("not created by the file: " + extra.join(", ")));
    QVERIFY(fromFile.contains("table public.daily_usage"));
    QVERIFY(fromFile.contains("function public.cleanup_expired_cache"));
}

void TestMigrationRunner::failureAtEveryStatementLeavesNothingBehind()
{
    const MigrationCatalog atlas = atlasCatalog();
    int trials = 0;
    for (int m = 0; m < atlas.migrations.size(); ++m) {
        TestDatabase db;
        auto connection = db.connect();
        MigrationRunner runner(*connection, TestDatabase::runnerOptions());
        for (int earlier = 0; earlier < m; ++earlier)
            QVERIFY(runner.apply(atlas.migrations.at(earlier)).ok);
        const MigrationFile &target = atlas.migrations.at(m);
        const SqlScript &parsed = target.up.parsed();
        for (int i = 0; i < parsed.statements.size(); ++i) {
            // The file with an error forced in before statement i: statements 0..i-1 run first.
            MigrationFile faulty = target;
            QStringList statements;
            for (int k = 0; k < parsed.statements.size(); ++k) {
                if (k == i)
                    statements << QStringLiteral("DO $$ BEGIN RAISE EXCEPTION 'injected failure at statement %1'; END $$").arg(i + 1);
                statements << parsed.statements.at(k).text;
            }
            faulty.up = MigrationScript(target.up.path(), target.up.fileName(),
                                        statements.join(QStringLiteral(";\n")) + QLatin1Char(';'));
            const QList<CatalogObject> before = snapshot(*connection);
            const QString historyBefore = historyDump(*connection);
            const RunReport report = runner.apply(faulty);
            QVERIFY(!report.ok);
            QCOMPARE(report.failedStatement, i);
            QVERIFY2(report.message.contains(QStringLiteral("injected failure at statement %1").arg(i + 1)), qPrintable(report.message));
            QCOMPARE(describe(diffSnapshots(before, snapshot(*connection))), QString());
            // schema_migrations unchanged; the audit gained exactly one row: this failed attempt.
            const QString historyAfter = historyDump(*connection);
            const QString migrationsBefore = historyBefore.section('\n', 0, 0);
            QCOMPARE(historyAfter.section('\n', 0, 0), migrationsBefore == "absent" ? QString() : migrationsBefore);
            QVERIFY2(historyAfter.endsWith(QStringLiteral("|%1|up|failed").arg(target.version)), qPrintable(historyAfter));
            if (historyBefore.section('\n', 1) != QLatin1String("absent"))
                QVERIFY(historyAfter.section('\n', 1).startsWith(historyBefore.section('\n', 1)));
            ++trials;
        }
        // After all that, the real file still applies.
        QVERIFY(runner.apply(target).ok);
    }
    QVERIFY(trials > 30);
    qInfo("forced a failure at %d statement positions", trials);
}

void TestMigrationRunner::refusesSyntaxErrorsBeforeTouchingTheDatabase()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("20250918_bad.sql"), "CREATE TABLE ok_table (id int);\n\nCREATE TABEL broken (id int);\n");
    const RunReport report = f.runner.apply(scanMigrationFolder(f.dir.path()).migrations.first());
    QVERIFY(!report.ok);
    QCOMPARE(report.message, QStringLiteral("20250918_bad.sql:3:8: syntax error at or near \"TABEL\""));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname IN ('supabase_migrations', 'atlas_console')"),
             QStringLiteral("0"));
}

void TestMigrationRunner::refusesNonTransactionalStatementsUnlessMarked()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_table.sql"), "CREATE TABLE t (a int);");
    WRITE_FILE(f.dir.filePath("2_index.sql"), "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);");
    MigrationCatalog catalog = scanMigrationFolder(f.dir.path());
    QVERIFY(f.runner.apply(*catalog.find("1")).ok);
    RunReport report = f.runner.apply(*catalog.find("2"));
    QVERIFY(!report.ok);
    QVERIFY2(report.message.startsWith("2_index.sql:1:1: CREATE INDEX CONCURRENTLY cannot run inside a transaction block"),
             qPrintable(report.message));
    if (!TestDatabase::pooled())
        QVERIFY2(report.message.contains("make its first line \"-- atlas:no-transaction\""), qPrintable(report.message));

    WRITE_FILE(f.dir.filePath("2_index.sql"), "-- atlas:no-transaction\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);");
    catalog = scanMigrationFolder(f.dir.path());
    report = f.runner.apply(*catalog.find("2"));
    if (TestDatabase::pooled()) {
        // Behind a transaction pooler such a file is refused even when marked: each statement
        // could land on another server connection.
        QVERIFY(!report.ok);
        QVERIFY2(report.message.contains("cannot run through a transaction pooler"), qPrintable(report.message));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 't_a_idx'"), QStringLiteral("0"));
    } else {
        QVERIFY2(report.ok, qPrintable(report.message));
        QVERIFY(report.warnings.join(' ').contains("not atomic"));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 't_a_idx'"), QStringLiteral("1"));
        QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("2"));
    }

    WRITE_FILE(f.dir.filePath("3_tx.sql"), "BEGIN;\nCREATE TABLE u (a int);\nCOMMIT;");
    report = f.runner.apply(*scanMigrationFolder(f.dir.path()).find("3"));
    QVERIFY(!report.ok);
    QVERIFY2(report.message.startsWith("3_tx.sql:1:1: BEGIN controls the transaction itself"), qPrintable(report.message));
}

void TestMigrationRunner::refusesRollbackWithoutDownFile()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_table.sql"), "CREATE TABLE t (a int);");
    const MigrationCatalog catalog = scanMigrationFolder(f.dir.path());
    QVERIFY(f.runner.apply(catalog.migrations.first()).ok);
    const RunReport report = f.runner.rollback(catalog.migrations.first());
    QVERIFY(!report.ok);
    QCOMPARE(report.message, QStringLiteral("1_table has no down file: write 1_table.down.sql (or down/1_table.sql) to roll it back"));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("1"));
}

void TestMigrationRunner::reportsTheLockHolder()
{
    TestDatabase db;
    // Another session, connected directly: behind a pooler a session lock taken through it could
    // sit on the very server connection the runner gets next.
    auto holder = std::make_unique<PgConnection>();
    QCOMPARE(holder->open(QStringLiteral("dbname=%1").arg(db.name()), QStringLiteral("atlas-test")), QString());
    QVERIFY(holder->execParams("SELECT pg_advisory_lock($1::bigint)", {QString::number(MigrationLock::kKey)}).ok());
    const QString holderPid = holder->exec("SELECT pg_backend_pid()").value(0, 0);
    auto connection = db.connect();
    RunnerOptions options = TestDatabase::runnerOptions();
    options.lockWaitMs = 500;
    MigrationRunner runner(*connection, options);
    const RunReport report = runner.apply(atlasCatalog().migrations.first());
    QVERIFY(!report.ok);
    QVERIFY(report.lockBusy);
    QVERIFY2(report.message.startsWith("another session is migrating this database: pid " + holderPid + " (user "),
             qPrintable(report.message));
    QVERIFY2(report.message.contains("application atlas-test"), qPrintable(report.message));
    QVERIFY2(report.message.endsWith("waited 0.5 s for the migration lock"), qPrintable(report.message));
    QCOMPARE(db.scalar("SELECT to_regclass('public.daily_usage') IS NULL"), QStringLiteral("t"));
}

void TestMigrationRunner::cancelLeavesNothingApplied()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(20);\nCREATE TABLE after_sleep (a int);");
    // Cancelled while its second statement runs (seen in pg_stat_activity), not before.
    int sleeping = 0;
    std::thread canceller([&f, &sleeping] {
        sleeping = ServerActivity::waitForQuery(f.db.directConninfo(), QStringLiteral("SELECT pg_sleep(20)"));
        f.runner.cancel();
    });
    const RunReport report = f.runner.apply(scanMigrationFolder(f.dir.path()).migrations.first());
    canceller.join();
    QVERIFY(sleeping > 0);
    QVERIFY(!report.ok);
    QVERIFY(report.cancelled);
    QCOMPARE(report.failedStatement, 1);
    QCOMPARE(report.error.sqlState, QStringLiteral("57014"));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.slow') IS NULL"), QStringLiteral("t"));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("0"));
    QCOMPARE(f.db.scalar("SELECT outcome FROM atlas_console.migration_audit"), QStringLiteral("cancelled"));
}

void TestMigrationRunner::survivesATerminatedBackend()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(20);\nCREATE TABLE after_sleep (a int);");
    const MigrationFile slow = scanMigrationFolder(f.dir.path()).migrations.first();
    // The server process running its second statement is terminated (whichever it is, behind a pooler).
    int sleeping = 0;
    std::thread killer([&f, &sleeping] {
        sleeping = ServerActivity::waitForQuery(f.db.directConninfo(), QStringLiteral("SELECT pg_sleep(20)"));
        f.db.connect()->execParams("SELECT pg_terminate_backend($1::int)", {QString::number(sleeping)});
    });
    const RunReport report = f.runner.apply(slow);
    killer.join();
    QVERIFY(sleeping > 0);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("terminating connection due to administrator command")
                 || report.message.contains("server closed the connection"),
             qPrintable(report.message));
    QVERIFY2(report.message.contains("nothing of this migration was committed"), qPrintable(report.message));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.slow') IS NULL"), QStringLiteral("t"));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("0"));

    // The next run, on a new connection, succeeds.
    WRITE_FILE(f.dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(0);\nCREATE TABLE after_sleep (a int);");
    auto fresh = f.db.connect();
    MigrationRunner again(*fresh, TestDatabase::runnerOptions());
    const RunReport second = again.apply(scanMigrationFolder(f.dir.path()).migrations.first());
    QVERIFY2(second.ok, qPrintable(second.message));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.after_sleep') IS NOT NULL"), QStringLiteral("t"));
}

void TestMigrationRunner::derivesChecksWithoutAVerifyScript()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_notes.sql"),
          "CREATE TABLE notes (id bigint PRIMARY KEY, user_id uuid NOT NULL, body text);\n"
          "CREATE INDEX notes_user_idx ON notes (user_id);\n"
          "ALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n"
          "CREATE POLICY \"own notes\" ON notes FOR SELECT TO authenticated USING (auth.uid() = user_id);\n");
    const MigrationFile notes = scanMigrationFolder(f.dir.path()).migrations.first();
    RunReport report = f.runner.verify(notes);
    QVERIFY(!report.ok);  // nothing applied yet: the checks fail
    QVERIFY(report.failedChecks() > 0);
    QVERIFY(f.runner.apply(notes).ok);
    report = f.runner.verify(notes);
    QVERIFY2(report.ok, qPrintable(report.message));
    QStringList names;
    for (const CheckResult &c : report.checks)
        names << c.name;
    QCOMPARE(names, (QStringList{"table public.notes exists", "column public.notes.id exists",
                                 "column public.notes.user_id exists", "column public.notes.body exists",
                                 "index notes_user_idx on public.notes exists",
                                 "row level security enabled on public.notes", "policy \"own notes\" on public.notes exists",
                                 "sample rows of public.notes are readable"}));
    QVERIFY(report.message.endsWith("(derived from the up file)"));
}

void TestMigrationRunner::locatesServerErrorsInTheFile()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_x.sql"), "CREATE TABLE a (id int);\n\n-- the next one is wrong\nINSERT INTO a\n  SELECT id FROM missing_table;\n");
    const RunReport report = f.runner.apply(scanMigrationFolder(f.dir.path()).migrations.first());
    QVERIFY(!report.ok);
    QCOMPARE(report.error.sqlState, QStringLiteral("42P01"));
    QVERIFY2(report.message.startsWith("1_x.sql:5:18: ERROR 42P01: relation \"missing_table\" does not exist"),
             qPrintable(report.message));
    QVERIFY2(report.message.contains("(statement 2 of 2: INSERT)"), qPrintable(report.message));
}

void TestMigrationRunner::keepsACancelThatArrivesBetweenSteps()
{
    EngineFixture f;
    f.runner.cancel();  // e.g. Ctrl-C while the status was read
    const QList<RunReport> reports = f.runner.applyPending(atlasCatalog());
    QVERIFY(!reports.isEmpty());
    QVERIFY(reports.last().cancelled);
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.daily_usage') IS NULL"), QStringLiteral("t"));
    f.runner.resetCancel();
    QVERIFY(f.runner.applyPending(atlasCatalog()).last().ok);
}

void TestMigrationRunner::badTimeoutLeavesNoLockBehind()
{
    TestDatabase db;
    auto connection = db.connect();
    RunnerOptions options = TestDatabase::runnerOptions();
    options.statementTimeout = QStringLiteral("15m");  // PostgreSQL has no unit "m"
    MigrationRunner runner(*connection, options);
    const RunReport report = runner.apply(atlasCatalog().migrations.first());
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("statement_timeout"), qPrintable(report.message));
    QVERIFY(!connection->inTransaction());
    // Another session takes the lock at once: nothing was left held.
    auto other = db.connect();
    RunnerOptions quick = TestDatabase::runnerOptions();
    quick.lockWaitMs = 0;
    MigrationRunner second(*other, quick);
    const RunReport applied = second.apply(atlasCatalog().migrations.first());
    QVERIFY2(applied.ok, qPrintable(applied.message));
}

void TestMigrationRunner::refusesAVerifyScriptThatCommits()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_t.sql"), "CREATE TABLE t (a int);");
    WRITE_FILE(f.dir.filePath("1_t.verify.sql"), "SELECT 'x' AS check_name, true AS passed, '' AS detail;\nCOMMIT;\nDROP TABLE t;");
    const MigrationFile m = scanMigrationFolder(f.dir.path()).migrations.first();
    QVERIFY(f.runner.apply(m).ok);
    const RunReport report = f.runner.verify(m);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.startsWith("1_t.verify.sql:2:1: a verify script must not control the transaction"),
             qPrintable(report.message));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.t') IS NOT NULL"), QStringLiteral("t"));
}

void TestMigrationRunner::aFailedApplyLaterRecordedElsewhereIsApplied()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_t.sql"), "CREATE TABLE t (a int REFERENCES missing (id));");
    QVERIFY(!f.runner.apply(scanMigrationFolder(f.dir.path()).migrations.first()).ok);
    QCOMPARE(f.runner.status(scanMigrationFolder(f.dir.path())).rows.first().state, MigrationState::Failed);
    // The Supabase CLI (or a person) records it afterwards: the history wins over our failed attempt.
    WRITE_FILE(f.dir.filePath("1_t.sql"), "CREATE TABLE t (a int);");
    const MigrationCatalog fixed = scanMigrationFolder(f.dir.path());
    QVERIFY(f.connection->execParams("INSERT INTO supabase_migrations.schema_migrations (version, name, statements) "
                                   "VALUES ('1', 't', $1)",
                                   {"{\"CREATE TABLE t (a int)\"}"}).ok());
    const MigrationStatusRow row = f.runner.status(fixed).rows.first();
    QCOMPARE(migrationStateName(row.state), QStringLiteral("applied"));
    QVERIFY(row.recorded);
    QVERIFY(!row.appliedAt.has_value());  // no successful apply of ours to date it
}

void TestMigrationRunner::repairRecordsWithoutRunningAndAudits()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_made_by_hand.sql"), "CREATE TABLE by_hand (id int);\nCOMMENT ON TABLE by_hand IS 'x';");
    const MigrationCatalog catalog = scanMigrationFolder(f.dir.path());

    RunReport report = f.runner.repair("1", catalog.find("1"), RepairStatus::Applied, "  ");
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("say why"), qPrintable(report.message));
    report = f.runner.repair("7", nullptr, RepairStatus::Applied, "no file");
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("without its file"), qPrintable(report.message));
    report = f.runner.repair("1", catalog.find("1"), RepairStatus::Reverted, "nothing recorded");
    QVERIFY(report.ok && report.skipped);
    QCOMPARE(f.db.scalar("SELECT to_regclass('supabase_migrations.schema_migrations') IS NULL OR "
                       "(SELECT count(*) = 0 FROM supabase_migrations.schema_migrations)"), QStringLiteral("t"));

    // Applied: the CLI's row with the file's statements, nothing run, one audit row.
    report = f.runner.repair("1", catalog.find("1"), RepairStatus::Applied, "created in the SQL editor");
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.by_hand') IS NULL"), QStringLiteral("t"));
    QCOMPARE(f.db.scalar("SELECT version || ' ' || name || ' ' || array_to_string(statements, ' | ') FROM supabase_migrations.schema_migrations"),
             QStringLiteral("1 made_by_hand CREATE TABLE by_hand (id int) | COMMENT ON TABLE by_hand IS 'x'"));
    QCOMPARE(f.db.scalar("SELECT direction || ' ' || outcome || ' ' || note || ' ' || (checksum IS NOT NULL) FROM atlas_console.migration_audit"),
             QStringLiteral("repair succeeded marked applied without running it: created in the SQL editor true"));
    QCOMPARE(f.runner.status(catalog).rows.first().state, MigrationState::Applied);

    // Reverted: the row goes; a second audit row.
    report = f.runner.repair("1", nullptr, RepairStatus::Reverted, "undo");
    QVERIFY2(report.ok && !report.skipped, qPrintable(report.message));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("0"));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM atlas_console.migration_audit WHERE direction = 'repair'"), QStringLiteral("2"));
    QCOMPARE(f.runner.status(catalog).rows.first().state, MigrationState::Pending);
}

void TestMigrationRunner::partialFailureOutsideATransactionResumesOrRunsDown()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_events.sql"), "-- atlas:no-transaction\nCREATE TABLE d (a int);\n"
                                        "CREATE INDEX CONCURRENTLY d_a ON d (a);\nINSERT INTO audit_target VALUES (1);\n"
                                        "COMMENT ON TABLE d IS 'done';");
    WRITE_FILE(f.dir.filePath("1_events.down.sql"), "DROP INDEX IF EXISTS d_a;\nDROP TABLE IF EXISTS d;");
    const MigrationCatalog catalog = scanMigrationFolder(f.dir.path());
    const MigrationFile &file = *catalog.find("1");
    RunReport report = f.runner.apply(file);
    QVERIFY(!report.ok);
    if (TestDatabase::pooled()) {  // such a file never runs behind a transaction pooler: nothing can be half-done
        QVERIFY2(report.message.contains("cannot run through a transaction pooler"), qPrintable(report.message));
        return;
    }
    // Statement 3 failed; 1 and 2 committed on their own.
    QCOMPARE(report.failedStatement, 2);
    QCOMPARE(f.db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'd_a'"), QStringLiteral("1"));
    MigrationStatusRow row = f.runner.status(catalog).rows.first();
    QCOMPARE(row.state, MigrationState::Failed);
    QCOMPARE(row.resumeFrom, 2);
    QVERIFY2(row.detail.startsWith("failed part way, outside a transaction: statements 1 to 2 ran and stay; statement 3 "
                                   "failed: "), qPrintable(row.detail));
    QVERIFY2(row.detail.endsWith("Resume from statement 3, or run the down file."), qPrintable(row.detail));

    // Never again from the start, and only from the failed statement.
    const QString attempts = f.db.scalar("SELECT count(*) FROM atlas_console.migration_audit");
    report = f.runner.apply(file);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("Resume from statement 3, or run its down file"), qPrintable(report.message));
    QCOMPARE(f.runner.applyPending(catalog).last().message, report.message);
    report = f.runner.resume(file, 1);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.endsWith("can resume only from statement 3, where its last apply failed"), qPrintable(report.message));
    QCOMPARE(f.db.scalar("SELECT count(*) FROM atlas_console.migration_audit"), attempts);  // refusals change nothing

    // The cause fixed, it resumes at statement 3 and is recorded with all its statements.
    QVERIFY(f.db.connect()->exec("CREATE TABLE audit_target (a int)").ok());
    report = f.runner.resume(file, 2);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.statements.size(), 2);
    QCOMPARE(report.statements.first().index, 2);
    QCOMPARE(f.db.scalar("SELECT array_length(statements, 1) FROM supabase_migrations.schema_migrations"), QStringLiteral("4"));
    QCOMPARE(f.runner.status(catalog).rows.first().state, MigrationState::Applied);
    report = f.runner.resume(file, 2);
    QVERIFY(report.ok && report.skipped);  // applied: nothing to resume

    // Again half-done, then its down file instead: clean and pending.
    QVERIFY(f.runner.rollback(file).ok);
    QVERIFY(f.db.connect()->exec("DROP TABLE audit_target").ok());
    QVERIFY(!f.runner.apply(file).ok);
    QCOMPARE(f.runner.status(catalog).rows.first().resumeFrom, 2);
    report = f.runner.rollback(file);
    QVERIFY2(report.ok && !report.skipped, qPrintable(report.message));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.d') IS NULL"), QStringLiteral("t"));
    row = f.runner.status(catalog).rows.first();
    QCOMPARE(row.state, MigrationState::Pending);
    QCOMPARE(row.resumeFrom, -1);
}

void TestMigrationRunner::statusTrustsOnlyTheRowsItsApplyWrote()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_a.sql"), "CREATE TABLE a (id int);");
    WRITE_FILE(f.dir.filePath("2_b.sql"), "CREATE TABLE b (id int);");
    MigrationCatalog catalog = scanMigrationFolder(f.dir.path());
    QVERIFY(f.runner.apply(*catalog.find("1")).ok);
    QVERIFY(f.runner.apply(*catalog.find("2")).ok);
    const auto states = [&] {
        QStringList out;
        for (const MigrationStatusRow &row : f.runner.status(scanMigrationFolder(f.dir.path())).rows)
            out << row.version + QLatin1Char(' ') + migrationStateName(row.state);
        return out;
    };
    // The transaction that wrote each history row is the one the audit recorded for its apply.
    QCOMPARE(f.db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations h JOIN atlas_console.migration_audit a "
                       "ON a.version = h.version AND a.direction = 'up' AND h.xmin::text = mod(a.transaction_id::text::numeric, "
                       "4294967296)::text"),
             QStringLiteral("2"));
    QCOMPARE(states(), (QStringList{"1 applied", "2 applied"}));

    // Blank lines after the last statement change the file, not its statements.
    WRITE_FILE(f.dir.filePath("1_a.sql"), "CREATE TABLE a (id int);\n\n\n");
    QCOMPARE(states(), (QStringList{"1 applied", "2 applied"}));

    // The row changed behind the console's back (another tool rewrote it): its transaction is no
    // longer the apply's, so the statements are compared, and they differ.
    QVERIFY(f.db.connect()->exec("UPDATE supabase_migrations.schema_migrations SET statements = ARRAY['CREATE TABLE b (id bigint)'] "
                               "WHERE version = '2'").ok());
    QCOMPARE(states(), (QStringList{"1 applied", "2 modified"}));
    QCOMPARE(f.runner.status(catalog).rows.at(1).detail, QStringLiteral("file changed since it was applied: statement 1 differs"));

    // An audit table from before these columns: the digests are compared as before.
    QVERIFY(f.db.connect()->exec("UPDATE atlas_console.migration_audit SET transaction_id = NULL, statements_digest = NULL").ok());
    QCOMPARE(states(), (QStringList{"1 applied", "2 modified"}));
}

void TestMigrationRunner::halfDoneStateSurvivesCancelsAndLostConnections()
{
    if (TestDatabase::pooled())
        return;  // statement-by-statement files are refused behind a pooler (tested above): nothing is half-done
    EngineFixture f;
    const auto statusOf = [&](const QString &version) {
        auto c = f.db.connect();
        MigrationRunner reader(*c);
        for (const MigrationStatusRow &row : reader.status(scanMigrationFolder(f.dir.path())).rows)
            if (row.version == version)
                return row;
        return MigrationStatusRow();
    };

    // A cancel between statements 2 and 3: statements 1 and 2 stay, and the status says so.
    WRITE_FILE(f.dir.filePath("1_cancel.sql"), "-- atlas:no-transaction\nCREATE TABLE c1 (a int);\nCREATE INDEX CONCURRENTLY c1_a ON c1 (a);\n"
                                        "CREATE TABLE c1_after (a int);");
    WRITE_FILE(f.dir.filePath("1_cancel.down.sql"), "DROP TABLE IF EXISTS c1_after;\nDROP TABLE IF EXISTS c1;");
    f.runner.setProgressHandler([&f](int index, int, const QString &) {
        if (index == 1)
            f.runner.cancel();  // while statement 2 is about to run: it runs, 3 does not
    });
    RunReport report = f.runner.apply(*scanMigrationFolder(f.dir.path()).find("1"));
    QVERIFY(report.cancelled);
    QCOMPARE(statusOf("1").resumeFrom, 2);
    QVERIFY2(statusOf("1").detail.contains("statements 1 to 2 ran and stay; it stopped before statement 3"),
             qPrintable(statusOf("1").detail));
    f.runner.setProgressHandler({});
    f.runner.resetCancel();

    // Resume refuses a file that changed since; a repair "reverted" clears the half-done state.
    WRITE_FILE(f.dir.filePath("1_cancel.sql"), "-- atlas:no-transaction\nCREATE TABLE c1 (a int);\nCREATE INDEX CONCURRENTLY c1_a ON c1 (a);\n"
                                        "CREATE TABLE c1_later (a int);");
    report = f.runner.resume(*scanMigrationFolder(f.dir.path()).find("1"), 2);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("changed since the attempt that failed"), qPrintable(report.message));
    report = f.runner.repair("1", scanMigrationFolder(f.dir.path()).find("1"), RepairStatus::Reverted, "cleaned up by hand");
    QVERIFY2(report.ok && !report.skipped, qPrintable(report.message));
    QCOMPARE(statusOf("1").resumeFrom, -1);
    // Not recorded, and what statements 1 and 2 made is still there (the "cleaning" was not done):
    // the status says so, rather than pending.
    QCOMPARE(statusOf("1").state, MigrationState::PartlyPresent);
    QVERIFY2(statusOf("1").detail.contains("(2 of 3: table public.c1, index c1_a on public.c1), the rest is not (table public.c1_later)"),
             qPrintable(statusOf("1").detail));

    // The connection lost in statement 3: the journal row, committed after each statement, still
    // tells how far it got.
    WRITE_FILE(f.dir.filePath("2_lost.sql"), "-- atlas:no-transaction\nCREATE TABLE l1 (a int);\nCREATE INDEX CONCURRENTLY l1_a ON l1 (a);\n"
                                      "SELECT pg_sleep(20);\nCREATE TABLE l1_after (a int);");
    auto victim = f.db.connect();
    MigrationRunner doomed(*victim, TestDatabase::runnerOptions());
    int sleeping = 0;
    std::thread killer([&f, &sleeping] {
        sleeping = ServerActivity::waitForQuery(f.db.directConninfo(), QStringLiteral("SELECT pg_sleep(20)"));
        f.db.connect()->execParams("SELECT pg_terminate_backend($1::int)", {QString::number(sleeping)});
    });
    report = doomed.apply(*scanMigrationFolder(f.dir.path()).find("2"));
    killer.join();
    QVERIFY(sleeping > 0);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains("may have been too"), qPrintable(report.message));
    const MigrationStatusRow lost = statusOf("2");
    QCOMPARE(lost.state, MigrationState::Failed);
    QCOMPARE(lost.resumeFrom, 2);
    QVERIFY2(lost.detail.contains("it stopped before statement 3: interrupted before its outcome was recorded"), qPrintable(lost.detail));

    // A marked file whose statements all run in a transaction is rolled back whole: not half-done.
    WRITE_FILE(f.dir.filePath("3_marked.sql"), "-- atlas:no-transaction\nCREATE TABLE m1 (a int);\nINSERT INTO nowhere VALUES (1);");
    report = f.runner.apply(*scanMigrationFolder(f.dir.path()).find("3"));
    QVERIFY(!report.ok);
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.m1') IS NULL"), QStringLiteral("t"));
    QCOMPARE(statusOf("3").resumeFrom, -1);
}

void TestMigrationRunner::statusReadsAnOldCliTableWithoutStatements()
{
    EngineFixture f;
    WRITE_FILE(f.dir.filePath("1_old.sql"), "CREATE TABLE old (a int);");
    QVERIFY(f.db.connect()->exec("CREATE SCHEMA supabase_migrations; CREATE TABLE supabase_migrations.schema_migrations "
                               "(version text NOT NULL PRIMARY KEY); INSERT INTO supabase_migrations.schema_migrations VALUES ('1')").ok());
    const StatusReport status = f.runner.status(scanMigrationFolder(f.dir.path()));
    QVERIFY2(status.ok(), qPrintable(status.error.toString()));
    QCOMPARE(status.rows.first().state, MigrationState::Applied);
}

void TestMigrationRunner::parsesEachFileOnceAcrossARun()
{
    EngineFixture f;
    WRITE_FILE(f.path("1_t.sql"), "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCOMMENT ON TABLE t IS 'x';");
    WRITE_FILE(f.path("1_t.down.sql"), "DROP TABLE t;");
    const MigrationCatalog catalog = f.catalog();
    const int before = sqlScriptsParsed();
    // The preview, the apply (whose history row records the CLI's split of the same text), the
    // derived verify checks and the rollback all read one parse of each file.
    QVERIFY(f.runner.dryRunPending(catalog).first().ok);
    QVERIFY(f.runner.applyPending(catalog).first().ok);
    QVERIFY(f.runner.verify(*catalog.find("1")).ok);
    QVERIFY(f.runner.rollback(*catalog.find("1")).ok);
    QCOMPARE(sqlScriptsParsed() - before, 2);  // the up file and the down file, once each
    // Copies of the catalogue share it too.
    const MigrationCatalog copy = catalog;
    QCOMPARE(&copy.find("1")->up.parsed(), &catalog.find("1")->up.parsed());
    QCOMPARE(sqlScriptsParsed() - before, 2);
}

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
