// The command-line twin against the local database: as the real executables, and in-process.
#include "support/ServerActivity.h"
#include "support/ProgramRun.h"
#include "support/TestDatabase.h"
#include "support/TestFiles.h"

#include "app/cli/CommandLine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QProcess *start(const QStringList &arguments, const QString &conninfo, const QString &program = QStringLiteral(ATLAS_MIGRATE_BIN))
{
    auto *process = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DATABASE_URL"));
    process->setProcessEnvironment(env);
    QStringList args = arguments;
    if (!conninfo.isEmpty())
        args << QStringLiteral("--dsn") << conninfo;
    process->start(program, args);
    return process;
}

ProgramRun finish(QProcess *process)
{
    const ProgramRun run = finishRun(*process);
    delete process;
    return run;
}

ProgramRun cli(const QStringList &arguments, const QString &conninfo, const QString &program = QStringLiteral(ATLAS_MIGRATE_BIN))
{
    return finish(start(arguments, conninfo, program));
}


}  // namespace

class TestCommandLine : public QObject {
    Q_OBJECT
private slots:
    void statusApplyVerifyRollback();
    void jsonForMachines();
    void adviseFailsOnErrorLevelFindings();
    void exportStreamsCsvAndJsonLines();
    void exitCodesSayWhatFailed_data();
    void exitCodesSayWhatFailed();
    void twoProcessesNeverApplyTogether();
    void aSecondProcessMeetsTheLock();
    void runsInProcess();
    void rollbackRefusesWhenTheNewestHasNoFile();
    void saysWhoBlocksTheMigration();
    void diffsStatementsAgainstTheHistory();
    void repairShowsFirstAndNeedsYes();
    void resumesAHalfDoneMigrationOnlyWhenAsked();
    void saysWhatWasAppliedByHand();
};

void TestCommandLine::statusApplyVerifyRollback()
{
    TestDatabase db;
    // The GUI executable answers the same verbs.
    ProgramRun run = cli({"status"}, db.conninfo(), QStringLiteral(ATLAS_CONSOLE_BIN));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QRegularExpression("20250918\\s+create_usage_tracking_tables\\s+pending")), qPrintable(run.out));
    QVERIFY(!run.out.contains("\x1b["));  // no colour when not on a terminal

    run = cli({"plan"}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QRegularExpression("created +table +public.daily_usage\\n")), qPrintable(run.out));
    QVERIFY2(run.out.contains("caution: grants SELECT on public.response_cache to anon"), qPrintable(run.out));
    // The lint rules' findings for every statement of each file (docs/lint.md), beside the dry run's.
    QVERIFY2(run.out.contains("Lint findings ("), qPrintable(run.out));
    QVERIFY2(run.out.contains("info[rls-enabled-no-policy] public.error_logs has row level security and no policy"), qPrintable(run.out));
    QCOMPARE(db.scalar("SELECT to_regclass('public.daily_usage') IS NULL"), QStringLiteral("t"));

    run = cli({"apply", "--to", "20251002090000"}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains("applied 20250918_create_usage_tracking_tables"));
    QVERIFY(run.out.contains("applied 20251002090000_update_daily_usage_tiers"));
    QVERIFY(!run.out.contains("20251002091500"));

    run = cli({"verify", "20251002090000"}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains("checks passed"));

    run = cli({"rollback"}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("rolled back 20251002090000_update_daily_usage_tiers"), qPrintable(run.out));
    QCOMPARE(db.scalar("SELECT string_agg(version, ',') FROM supabase_migrations.schema_migrations"), QStringLiteral("20250918"));
}

void TestCommandLine::jsonForMachines()
{
    TestDatabase db;
    // A plan's results carry the lint findings of each file.
    ProgramRun run = cli({"plan", "--json"}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    const QJsonArray planned = QJsonDocument::fromJson(run.out.toUtf8()).object().value("results").toArray();
    QCOMPARE(planned.size(), 3);
    const QJsonArray findings = planned.at(0).toObject().value("findings").toArray();
    QVERIFY2(!findings.isEmpty(), qPrintable(run.out.left(2000)));
    QCOMPARE(findings.last().toObject().value("rule").toString(), QStringLiteral("rls-enabled-no-policy"));

    run = cli({"apply", "--json"}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + run.out));
    QCOMPARE(document.value("ok").toBool(), true);
    const QJsonArray results = document.value("results").toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value("version").toString(), QStringLiteral("20250918"));
    QCOMPARE(results.at(0).toObject().value("statements").toArray().size(), 33);

    run = cli({"status", "--json"}, db.conninfo());
    const QJsonArray migrations = QJsonDocument::fromJson(run.out.toUtf8()).object().value("migrations").toArray();
    QCOMPARE(migrations.size(), 3);
    for (const QJsonValue &m : migrations)
        QCOMPARE(m.toObject().value("state").toString(), QStringLiteral("applied"));

    TestDatabase fresh;
    run = cli({"apply", "--json", "--dir", ATLAS_SOURCE_DIR "/tests/corpus/hosted_pull/supabase/migrations"}, fresh.conninfo());
    QCOMPARE(run.exitCode, 2);
    const QJsonObject refused = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(refused.value("ok").toBool(), false);
    QCOMPARE(refused.value("results").toArray().size(), 1);
    QCOMPARE(refused.value("results").toArray().at(0).toObject().value("preflight_failed").toBool(), true);
}

void TestCommandLine::adviseFailsOnErrorLevelFindings()
{
    TestDatabase db;
    QCOMPARE(cli({"apply"}, db.conninfo()).exitCode, 0);
    // The Atlas migrations leave nothing at error level: CI against staging passes.
    ProgramRun run = cli({"advise", "--dir", "/nonexistent"}, db.conninfo());  // the advisors need no folder
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QRegularExpression("info +rls_enabled_no_policy +public.error_logs")), qPrintable(run.out));
    QVERIFY(db.connect()->exec("CREATE TABLE public.open_notes (body text)").ok());
    run = cli({"advise", "--json"}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value("ok").toBool(true), false);
    bool flagged = false;
    for (const QJsonValue &value : json.value("advisors").toArray()) {
        const QJsonObject finding = value.toObject();
        flagged = flagged || (finding.value("check").toString() == "rls_disabled_in_public" && finding.value("level").toString() == "error"
                              && finding.value("object").toString() == "public.open_notes"
                              && finding.value("fix").toString() == "ALTER TABLE public.open_notes ENABLE ROW LEVEL SECURITY;");
    }
    QVERIFY2(flagged, qPrintable(run.out));
    QCOMPARE(cli({"advise", "20250918"}, db.conninfo()).exitCode, 2);  // takes no version
}

void TestCommandLine::exportStreamsCsvAndJsonLines()
{
    TestDatabase db;
    QVERIFY(db.connect()->exec(QStringLiteral(
        "CREATE TABLE public.notes AS SELECT g AS id, 'line ' || g || E'\\nwith, \"quotes\"' AS body, 0.1 * g AS amount "
        "FROM generate_series(1, 2500) g")).ok());
    QTemporaryDir dir;
    ProgramRun run = cli({"export", "public.notes", "--csv", dir.filePath("notes.csv")}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains("exported 2500 rows"), qPrintable(run.err));
    QFile csv(dir.filePath("notes.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray text = csv.readAll();
    QVERIFY(text.startsWith("id,body,amount\n1,\"line 1\nwith, \"\"quotes\"\"\",0.1\n"));
    // A table is copied as itself, a view or a partitioned table through a query: the same CSV.
    QVERIFY(db.connect()->exec(QStringLiteral(
        "CREATE VIEW public.notes_view AS SELECT * FROM public.notes;"
        "CREATE TABLE public.notes_parted (id int, body text, amount numeric) PARTITION BY RANGE (id);"
        "CREATE TABLE public.notes_low PARTITION OF public.notes_parted FOR VALUES FROM (1) TO (1000);"
        "CREATE TABLE public.notes_high PARTITION OF public.notes_parted FOR VALUES FROM (1000) TO (3000);"
        "INSERT INTO public.notes_parted SELECT * FROM public.notes")).ok());
    for (const char *other : {"public.notes_view", "public.notes_parted"}) {
        run = cli({"export", other, "--csv", dir.filePath("other.csv")}, db.conninfo());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile copy(dir.filePath("other.csv"));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY2(copy.readAll() == text, other);
    }
    run = cli({"export", "public.notes", "--where", "id > 2490", "--jsonl", dir.filePath("notes.jsonl")}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    QFile jsonl(dir.filePath("notes.jsonl"));
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = jsonl.readAll().split('\n');
    QCOMPARE(lines.size(), 11);  // ten objects and the final line end
    const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(first.value("id").toInt(), 2491);
    QCOMPARE(first.value("body").toString(), QStringLiteral("line 2491\nwith, \"quotes\""));
    // Bad input: nothing is written, the exit code says what.
    QCOMPARE(cli({"export", "public.notes", "--where", "1=1; DROP TABLE public.notes", "--csv", dir.filePath("x.csv")}, db.conninfo()).exitCode, 2);
    QCOMPARE(cli({"export", "notes", "--csv", dir.filePath("x.csv")}, db.conninfo()).exitCode, 2);
    QCOMPARE(cli({"export", "public.notes", "--csv", dir.filePath("x.csv"), "--jsonl", dir.filePath("y")}, db.conninfo()).exitCode, 2);
    run = cli({"export", "public.missing", "--csv", dir.filePath("x.csv")}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("42P01"), qPrintable(run.err));
    QVERIFY(!QFile::exists(dir.filePath("x.csv")));
    // A failed export leaves the file it would have replaced as it was; one that succeeds (here
    // without syncing) replaces it whole, readable as any new file is.
    QVERIFY(QFile::copy(dir.filePath("notes.csv"), dir.filePath("kept.csv")));
    QCOMPARE(cli({"export", "public.missing", "--csv", dir.filePath("kept.csv")}, db.conninfo()).exitCode, 1);
    QFile kept(dir.filePath("kept.csv"));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), text);
    kept.close();
    run = cli({"export", "public.notes", "--where", "id <= 10", "--csv", dir.filePath("kept.csv"), "--no-sync"}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll().count('\n'), 1 + 10 * 2);  // the header, and ten rows of two lines each
    QFile fresh(dir.filePath("fresh.txt"));
    QVERIFY(fresh.open(QIODevice::WriteOnly));
    fresh.close();
    QCOMPARE(kept.permissions(), fresh.permissions());  // as the umask says, not owner-only
    QCOMPARE(QDir(dir.path()).entryList({"kept.csv.*"}, QDir::Files), QStringList());  // no temporary file left
    QCOMPARE(db.scalar("SELECT count(*) FROM public.notes"), QStringLiteral("2500"));
}

void TestCommandLine::exitCodesSayWhatFailed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderr");
    QTest::newRow("no folder") << QStringList{"status", "--dir", "/nonexistent"} << "" << 2
                               << "the migrations folder /nonexistent does not exist";
    QTest::newRow("refused") << QStringList{"status"} << "postgresql://postgres:hunter2@127.0.0.1:1/postgres" << 3
                             << "cannot connect: Connection refused by 127.0.0.1:1 (refused)";
    QTest::newRow("unknown version") << QStringList{"apply", "--to", "99"} << "DB" << 2 << "no migration with version 99";
    QTest::newRow("rollback nothing") << QStringList{"rollback"} << "DB" << 0 << "";
    QTest::newRow("bad lock wait") << QStringList{"apply", "--lock-wait", "soon"} << "DB" << 2
                                   << "--lock-wait takes a number of seconds, not \"soon\"";
    QTest::newRow("bad lock retries") << QStringList{"apply", "--lock-retries", "many"} << "DB" << 2
                                      << "--lock-retries takes a whole number from 0 to 20, not \"many\"";
    QTest::newRow("version on status") << QStringList{"status", "1"} << "DB" << 2 << "status takes no version argument";
    const QString embeddings = QStringLiteral(ATLAS_SOURCE_DIR "/tests/corpus/embeddings/supabase/migrations");
    QTest::newRow("preflight on plan") << QStringList{"plan", "--dir", embeddings} << "DB" << 2
                                       << "needs extension vector (20240103173626_init.sql:5), which this server does not offer";
    QTest::newRow("preflight on apply") << QStringList{"apply", "--dir", embeddings} << "DB" << 2
                                        << "this database lacks what the migrations need; nothing was run or changed:\n"
                                           "  needs extension vector (20240103173626_init.sql:5), which this server does not offer "
                                           "(Supabase does)\n  needs extension pg_net (20240210090000_webhooks.sql:2)";
}

void TestCommandLine::exitCodesSayWhatFailed()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, conninfo);
    QFETCH(int, exitCode);
    QFETCH(QString, stderr);
    TestDatabase db;
    const ProgramRun run = cli(arguments, conninfo == "DB" ? db.conninfo() : conninfo);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(stderr), qPrintable(run.err));
    QVERIFY2(!run.err.contains("hunter2"), qPrintable(run.err));
}

void TestCommandLine::twoProcessesNeverApplyTogether()
{
    // Started together, again and again: whichever way they meet, exactly one applies.
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(0.3);\n");
    for (int trial = 0; trial < 20; ++trial) {
        TestDatabase db;
        const QStringList args{"apply", "--dir", dir.path(), "--lock-wait", "0"};
        QProcess *first = start(args, db.conninfo());
        QProcess *second = start(args, db.conninfo());
        const ProgramRun a = finish(first);
        const ProgramRun b = finish(second);
        const int applied = (a.out.contains("applied 1_slow") ? 1 : 0) + (b.out.contains("applied 1_slow") ? 1 : 0);
        QVERIFY2(applied == 1, qPrintable(QStringLiteral("trial %1:\n%2\n%3\n%4\n%5").arg(trial).arg(a.out, a.err, b.out, b.err)));
        const ProgramRun &loser = a.out.contains("applied 1_slow") ? b : a;
        // The other one either met the lock, or came after and found nothing to do.
        const bool sawLock = loser.exitCode == 4 && loser.err.contains("another session is migrating this database: pid ");
        const bool cameAfter = loser.exitCode == 0 && loser.out.contains("nothing to apply");
        QVERIFY2(sawLock || cameAfter, qPrintable(loser.out + loser.err));
        QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("1"));
    }
}

void TestCommandLine::aSecondProcessMeetsTheLock()
{
    // The second starts while the first is inside its migration (seen running in pg_stat_activity):
    // it waits no longer than --lock-wait, names the first and changes nothing (exit 4).
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_slow.sql"), "CREATE TABLE slow (a int);\nSELECT pg_sleep(3);\n");
    QProcess *first = start({"apply", "--dir", dir.path()}, db.conninfo());
    const int firstPid = ServerActivity::waitForQuery(db.directConninfo(), QStringLiteral("SELECT pg_sleep(3)"));
    QVERIFY(firstPid > 0);
    const ProgramRun second = cli({"apply", "--dir", dir.path(), "--lock-wait", "0"}, db.conninfo());
    const ProgramRun done = finish(first);
    QCOMPARE(done.exitCode, 0);
    QCOMPARE(second.exitCode, 4);
    QVERIFY2(second.err.contains(QStringLiteral("another session is migrating this database: pid ")), qPrintable(second.err));
    QVERIFY2(second.err.contains(QStringLiteral("application atlas-console-cli")), qPrintable(second.err));
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("1"));
}

void TestCommandLine::runsInProcess()
{
    // The verbs print only to the streams they are given, so a test (or another program) can run
    // them without a process; the exit code is run()'s value.
    TestDatabase db;
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    CommandLine status({"atlas-migrate", "status", "--json", "--dsn", db.conninfo(), "--dir", ATLAS_MIGRATIONS_DIR},
                       QStringLiteral("atlas-migrate"), {outStream, errStream});
    QCOMPARE(status.run(), 0);
    const QJsonArray migrations = QJsonDocument::fromJson(out.toUtf8()).object().value("migrations").toArray();
    QCOMPARE(migrations.size(), 3);
    QCOMPARE(migrations.first().toObject().value("state").toString(), QStringLiteral("pending"));

    out.clear();
    CommandLine apply({"atlas-migrate", "apply", "--to", "20250918", "--dsn", db.conninfo(), "--dir", ATLAS_MIGRATIONS_DIR},
                      QStringLiteral("atlas-migrate"), {outStream, errStream});
    QCOMPARE(apply.run(), 0);
    QVERIFY2(out.contains("ok: applied 20250918_create_usage_tracking_tables"), qPrintable(out + err));
    QCOMPARE(db.scalar("SELECT string_agg(version, ',') FROM supabase_migrations.schema_migrations"), QStringLiteral("20250918"));

    // Usage errors say who speaks and what is wrong, before anything is read.
    err.clear();
    CommandLine bad({"atlas-migrate", "apply", "--lock-wait", "soon"}, QStringLiteral("atlas-migrate"), {outStream, errStream});
    QCOMPARE(bad.run(), 2);
    QCOMPARE(err.trimmed(), QStringLiteral("atlas-migrate: --lock-wait takes a number of seconds, not \"soon\""));
    err.clear();
    CommandLine unknown({"atlas-console", "status", "--colour"}, QStringLiteral("atlas-console"), {outStream, errStream});
    QCOMPARE(unknown.run(), 2);
    QCOMPARE(err.trimmed(), QStringLiteral("atlas-console: Unknown option 'colour'."));
}

void TestCommandLine::rollbackRefusesWhenTheNewestHasNoFile()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_a.sql"), "CREATE TABLE a (id int);");
    WRITE_FILE(dir.filePath("1_a.down.sql"), "DROP TABLE a;");
    WRITE_FILE(dir.filePath("2_b.sql"), "CREATE TABLE b (id int);");
    QCOMPARE(cli({"apply", "--dir", dir.path()}, db.conninfo()).exitCode, 0);
    QFile::remove(dir.filePath("2_b.sql"));
    const ProgramRun run = cli({"rollback", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("the newest applied migration 2 has no file"), qPrintable(run.err));
    QCOMPARE(db.scalar("SELECT to_regclass('public.a') IS NOT NULL"), QStringLiteral("t"));
    const ProgramRun json = cli({"rollback", "--dir", dir.path(), "--json"}, db.conninfo());
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value("exit_code").toInt(), 2);
}

void TestCommandLine::saysWhoBlocksTheMigration()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_t.sql"), "CREATE TABLE t (a int);");
    WRITE_FILE(dir.filePath("2_column.sql"), "ALTER TABLE t ADD COLUMN b int;");
    QCOMPARE(cli({"apply", "--dir", dir.path(), "--to", "1"}, db.conninfo()).exitCode, 0);
    // A reader in an open transaction holds ACCESS SHARE on t; ADD COLUMN needs ACCESS EXCLUSIVE.
    auto reader = db.connect(QStringLiteral("application_name=report-job"));
    const QString pid = reader->exec("SELECT pg_backend_pid()").value(0, 0);
    QVERIFY(reader->exec("BEGIN; SELECT count(*) FROM t").ok());
    const ProgramRun run = cli({"apply", "--dir", dir.path(), "--lock-timeout", "2s", "--lock-retries", "1"}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("blocked: waiting for a lock held by pid " + pid), qPrintable(run.err));
    QVERIFY2(run.err.contains("SELECT count(*) FROM t"), qPrintable(run.err));
    QVERIFY2(run.err.contains("55P03"), qPrintable(run.err));  // lock_not_available: lock_timeout fired
    // Rolled back and tried once more after a pause, saying so; then it gives up naming the holder.
    QVERIFY2(run.err.contains("attempt 1 of 2 could not get its lock within lock_timeout at 2_column.sql:1:1: ALTER TABLE t ADD COLUMN b int; "
                              "held by pid " + pid + " (postgres, report-job, idle in transaction"),
             qPrintable(run.err));
    QVERIFY2(run.err.contains("(2 tries; held by pid " + pid), qPrintable(run.err));
    QCOMPARE(run.err.count("attempt 1 of 2"), 1);
    reader->exec("ROLLBACK");
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("1"));
}

void TestCommandLine::diffsStatementsAgainstTheHistory()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_t.sql"), "CREATE TABLE t (a int);\nCOMMENT ON TABLE t IS 'one';");
    QCOMPARE(cli({"apply", "--dir", dir.path()}, db.conninfo()).exitCode, 0);
    ProgramRun run = cli({"diff", "1", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("the file's statements are the ones applied"));
    // Edited after apply: a statement changed and one added.
    WRITE_FILE(dir.filePath("1_t.sql"), "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCOMMENT ON TABLE t IS 'two';");
    run = cli({"status", "--dir", dir.path()}, db.conninfo());
    QVERIFY2(run.out.contains(QRegularExpression("1\\s+t\\s+modified")), qPrintable(run.out));
    run = cli({"diff", "1", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("statement 2 is new in the file:\n+ CREATE INDEX t_a ON t (a)"), qPrintable(run.out));
    QVERIFY2(run.out.contains("statement 3 (applied as statement 2) changed:\n- COMMENT ON TABLE t IS 'one'\n+ COMMENT ON TABLE t IS 'two'"),
             qPrintable(run.out));
    // A row written the way the Supabase CLI writes it (no audit row of ours) is compared the same way.
    WRITE_FILE(dir.filePath("2_cli.sql"), "CREATE TABLE u (a int);");
    auto c = db.connect();
    QVERIFY(c->exec("CREATE TABLE u (b int); INSERT INTO supabase_migrations.schema_migrations (version, name, statements) "
                    "VALUES ('2', 'cli', ARRAY['CREATE TABLE u (b int)'])").ok());
    run = cli({"diff", "2", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("- CREATE TABLE u (b int)\n+ CREATE TABLE u (a int)"), qPrintable(run.out));
}

void TestCommandLine::repairShowsFirstAndNeedsYes()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_t.sql"), "CREATE TABLE t (a int);");
    QCOMPARE(cli({"apply", "--dir", dir.path()}, db.conninfo()).exitCode, 0);
    WRITE_FILE(dir.filePath("1_t.sql"), "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);");
    const auto repairs = [&] { return db.scalar("SELECT count(*) FROM atlas_console.migration_audit WHERE direction = 'repair'"); };

    // Usage: a status and a reason are required.
    ProgramRun run = cli({"repair", "1", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--status applied or --status reverted"), qPrintable(run.err));
    run = cli({"repair", "1", "--status", "applied", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("needs --reason"), qPrintable(run.err));

    // The file's index is not in the database: the checks fail, and repair refuses without --force.
    run = cli({"repair", "1", "--status", "applied", "--reason", "index by hand", "--yes", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("statement 2 is new in the file:\n+ CREATE INDEX t_a ON t (a)"), qPrintable(run.out));
    QVERIFY2(run.err.contains("verify checks of 1 fail on this database"), qPrintable(run.err));
    QCOMPARE(repairs(), QStringLiteral("0"));

    // With the index made by hand the checks pass; without --yes it only shows.
    QVERIFY(db.connect()->exec("CREATE INDEX t_a ON t (a)").ok());
    run = cli({"repair", "1", "--status", "applied", "--reason", "index by hand", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("not repaired: pass --yes"), qPrintable(run.err));
    QCOMPARE(repairs(), QStringLiteral("0"));
    QCOMPARE(db.scalar("SELECT array_length(statements, 1) FROM supabase_migrations.schema_migrations"), QStringLiteral("1"));

    run = cli({"repair", "1", "--status", "applied", "--reason", "index by hand", "--yes", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(db.scalar("SELECT array_length(statements, 1) FROM supabase_migrations.schema_migrations"), QStringLiteral("2"));
    QCOMPARE(repairs(), QStringLiteral("1"));
    run = cli({"status", "--dir", dir.path()}, db.conninfo());
    QVERIFY2(run.out.contains(QRegularExpression("1\\s+t\\s+applied")), qPrintable(run.out));

    // Reverted: the row goes, the table stays (nothing ran).
    run = cli({"repair", "1", "--status", "reverted", "--reason", "re-run it", "--yes", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("0"));
    QCOMPARE(db.scalar("SELECT to_regclass('public.t') IS NOT NULL"), QStringLiteral("t"));
    QCOMPARE(repairs(), QStringLiteral("2"));
}

void TestCommandLine::resumesAHalfDoneMigrationOnlyWhenAsked()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_half.sql"), "-- atlas:no-transaction\nCREATE TABLE h (a int);\nCREATE INDEX CONCURRENTLY h_a ON h (a);\n"
                                      "INSERT INTO later VALUES (1);");
    WRITE_FILE(dir.filePath("2_next.sql"), "CREATE TABLE n (a int);");
    ProgramRun run = cli({"apply", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    run = cli({"status", "--dir", dir.path()}, db.conninfo());
    QVERIFY2(run.out.contains("statements 1 to 2 ran and stay; statement 3 failed"), qPrintable(run.out));
    // Not again from the start: CREATE TABLE h would fail, and worse could repeat a side effect.
    run = cli({"apply", "--dir", dir.path()}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("`apply --resume` runs 1 on from statement 3"), qPrintable(run.err));
    QVERIFY(db.connect()->exec("CREATE TABLE later (a int)").ok());
    run = cli({"apply", "--resume", "--dir", dir.path()}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QCOMPARE(db.scalar("SELECT string_agg(version, ',' ORDER BY version) FROM supabase_migrations.schema_migrations"),
             QStringLiteral("1,2"));
}

void TestCommandLine::saysWhatWasAppliedByHand()
{
    TestDatabase db;
    QFile usage(QStringLiteral(ATLAS_MIGRATIONS_DIR "/20250918_create_usage_tracking_tables.sql"));
    QVERIFY(usage.open(QIODevice::ReadOnly));
    QVERIFY(db.connect()->exec(QString::fromUtf8(usage.readAll())).ok());  // pasted into the SQL editor

    ProgramRun run = cli({"status", "--json"}, db.conninfo());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject first = QJsonDocument::fromJson(run.out.toUtf8()).object().value("migrations").toArray().at(0).toObject();
    QCOMPARE(first.value("state").toString(), QStringLiteral("present, not recorded"));
    QVERIFY2(first.value("detail").toString().contains("applied by hand?"), qPrintable(run.out));
    run = cli({"status", "--no-color"}, db.conninfo());
    QVERIFY2(run.out.contains("present, not recorded"), qPrintable(run.out));

    run = cli({"apply"}, db.conninfo());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("20250918_create_usage_tracking_tables has no history row, but what it creates is in the database"),
             qPrintable(run.err));
    QVERIFY2(run.err.contains("`repair 20250918 --status applied --reason TEXT`"), qPrintable(run.err));
    QCOMPARE(db.scalar("SELECT to_regclass('supabase_migrations.schema_migrations') IS NULL"), QStringLiteral("t"));

    run = cli({"repair", "20250918", "--status", "applied", "--reason", "pasted in the dashboard", "--yes"}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = cli({"apply"}, db.conninfo());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
