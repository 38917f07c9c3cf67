// atlas-migrate schema-diff as a user runs it: the built executable, real databases of the local
// instance (PG* variables), folders built in shadow databases.
#include "support/ProgramRun.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

ProgramRun schemaDiff(const QStringList &arguments, const QProcessEnvironment &extra = QProcessEnvironment(),
                      const QString &workingDirectory = QString())
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DATABASE_URL"));
    env.insert(extra);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ATLAS_MIGRATE_BIN), QStringList{QStringLiteral("schema-diff")} + arguments);
    return finishRun(process, 120000);
}

}  // namespace

class TestSchemaDiffCommand : public QObject {
    Q_OBJECT
private slots:
    void exitsZeroWhenEqualAndOneWhenNot();
    void writesTheMigrationAndItsDownThatApply();
    void jsonHasTheDifferencesAndTheSql();
    void usageAndConnectionErrors();
    void schemasIncludedAndExcluded();
};

void TestSchemaDiffCommand::exitsZeroWhenEqualAndOneWhenNot()
{
    TestDatabase a, b;
    ProgramRun run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("have the same schema")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    b.connect()->exec(QStringLiteral("CREATE TABLE public.daily_usage (user_id uuid, day date, n int)"));
    run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo()});
    QVERIFY2(run.exitCode == 1, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("CREATE TABLE public.daily_usage (")), qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("added")), qPrintable(run.err));

    // The same columns in another order: equal, with a note, unless the order is asked to count.
    b.connect()->exec(QStringLiteral("DROP TABLE public.daily_usage"));
    a.connect()->exec(QStringLiteral("CREATE TABLE public.daily_usage (day date, user_id uuid)"));
    b.connect()->exec(QStringLiteral("CREATE TABLE public.daily_usage (user_id uuid, day date)"));
    run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo()});
    QVERIFY2(run.exitCode == 0 && run.err.contains(QLatin1String("note: public.daily_usage: after this migration")), qPrintable(run.err));
    run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo(), QStringLiteral("--reorder-columns")});
    QVERIFY2(run.exitCode == 1, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("INSERT INTO public.daily_usage (user_id, day) SELECT user_id, day FROM atlas_reorder_1.daily_usage;")),
             qPrintable(run.out));
}

void TestSchemaDiffCommand::writesTheMigrationAndItsDownThatApply()
{
    // production (changed by hand) against what the folder builds: the migration that records
    // the hand-made change, written into a Supabase CLI folder and applied by the engine.
    QTemporaryDir project;
    const QString folder = project.filePath(QStringLiteral("supabase/migrations"));
    QVERIFY(QDir().mkpath(folder));
    QFile first(folder + QStringLiteral("/20250101000000_init.sql"));
    QVERIFY(first.open(QIODevice::WriteOnly));
    first.write("create table public.notes (id bigint primary key, body text);\n");
    first.close();
    QFile config(project.filePath(QStringLiteral("supabase/config.toml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.close();

    TestDatabase production;
    QVERIFY(production.connect()->exec(QStringLiteral(
        "CREATE TABLE public.notes (id bigint PRIMARY KEY, body text, pinned boolean NOT NULL DEFAULT false);"
        "CREATE INDEX notes_pinned ON public.notes (pinned) WHERE pinned;")).ok());
    const QStringList arguments{QStringLiteral("--from"), QStringLiteral("folder:") + folder, QStringLiteral("--to"), production.conninfo(),
                                QStringLiteral("--dir"), folder, QStringLiteral("--write"), QStringLiteral("record hand changes"),
                                QStringLiteral("--shadow-dsn"), QStringLiteral("dbname=postgres")};
    ProgramRun run = schemaDiff(arguments);
    QVERIFY2(run.exitCode == 1, qPrintable(run.err));
    const QStringList written = QDir(folder).entryList({QStringLiteral("*_record_hand_changes.sql")}, QDir::Files);
    QCOMPARE(written.size(), 1);
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/down/") + written.first()));  // the CLI does not run down/
    QFile up(folder + QLatin1Char('/') + written.first());
    QVERIFY(up.open(QIODevice::ReadOnly));
    const QString sql = QString::fromUtf8(up.readAll());
    QVERIFY2(sql.contains(QLatin1String("ALTER TABLE public.notes ADD COLUMN pinned boolean DEFAULT false NOT NULL;")), qPrintable(sql));
    QVERIFY2(sql.contains(QLatin1String("CREATE INDEX notes_pinned")), qPrintable(sql));

    // The folder now builds what production has.
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("folder:") + folder, QStringLiteral("--to"), production.conninfo(),
                      QStringLiteral("--shadow-dsn"), QStringLiteral("dbname=postgres")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));

    // Writing again with a name taken: refused, nothing written.
    run = schemaDiff({QStringLiteral("--from"), production.conninfo(), QStringLiteral("--to"), QStringLiteral("folder:") + folder,
                      QStringLiteral("--dir"), folder, QStringLiteral("--write"), QStringLiteral("bad/name")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.sql")}, QDir::Files).size(), 2);
}

void TestSchemaDiffCommand::jsonHasTheDifferencesAndTheSql()
{
    TestDatabase a, b;
    QVERIFY(a.connect()->exec(QStringLiteral("CREATE TABLE public.old (id int)")).ok());
    QVERIFY(b.connect()->exec(QStringLiteral("CREATE TABLE public.t (id int); ALTER TABLE public.t ENABLE ROW LEVEL SECURITY")).ok());
    const ProgramRun run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo(), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(document.value("equal").toBool(true), false);
    QStringList differences;
    for (const QJsonValue &difference : document.value("differences").toArray())
        differences << difference["type"].toString() + QLatin1Char(' ') + difference["kind"].toString() + QLatin1Char(' ') + difference["name"].toString();
    QVERIFY2(differences.contains(QStringLiteral("removed table public.old")), qPrintable(differences.join('\n')));
    QVERIFY2(differences.contains(QStringLiteral("added table public.t")), qPrintable(differences.join('\n')));
    QVERIFY(document.value("sql").toString().contains(QLatin1String("DROP TABLE public.old;")));
    QVERIFY(document.value("down").toString().contains(QLatin1String("CREATE TABLE public.old")));
    bool flagged = false;
    for (const QJsonValue &statement : document.value("statements").toArray())
        if (statement["sql"].toString().startsWith(QLatin1String("DROP TABLE public.old"))) {
            flagged = statement["data_loss"].toBool();
            QVERIFY(!statement["findings"].toArray().isEmpty());
        }
    QVERIFY(flagged);
}

void TestSchemaDiffCommand::usageAndConnectionErrors()
{
    ProgramRun run = schemaDiff({QStringLiteral("--from"), QStringLiteral("dbname=postgres")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--to")), qPrintable(run.err));
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("dbname=a"), QStringLiteral("--from"), QStringLiteral("dbname=b password=hunter2"),
                      QStringLiteral("--to"), QStringLiteral("dbname=postgres")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--from is given 2 times (dbname=a, dbname=b password=")) && !run.err.contains(QLatin1String("hunter2")),
             qPrintable(run.err));
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("profile:"), QStringLiteral("--to"), QStringLiteral("dbname=postgres")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("profile's name")), qPrintable(run.err));
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("profile:staging"), QStringLiteral("--to"), QStringLiteral("dbname=postgres")}, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("no profile \"staging\"")), qPrintable(run.err));
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("folder:/nonexistent/migrations"), QStringLiteral("--to"), QStringLiteral("dbname=postgres")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("/nonexistent/migrations")), qPrintable(run.err));
    // A folder that does not build is bad input, not a difference: exit 2, and where it broke.
    QTemporaryDir broken;
    QFile file(broken.filePath(QStringLiteral("20260101000000_broken.sql")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("create table public.a (id int references public.missing (id));\n");
    file.close();
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("folder:") + broken.path(), QStringLiteral("--to"), QStringLiteral("dbname=postgres"),
                      QStringLiteral("--shadow-dsn"), QStringLiteral("dbname=postgres")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("20260101000000")) && run.err.contains(QLatin1String("does not build")), qPrintable(run.err));
    // --write with no --dir and no supabase/migrations here: not into the folder this program ships.
    TestDatabase a;
    QVERIFY(a.connect()->exec(QStringLiteral("CREATE TABLE public.t (id int)")).ok());
    QTemporaryDir elsewhere;
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("dbname=postgres"), QStringLiteral("--to"), a.conninfo(),
                      QStringLiteral("--write"), QStringLiteral("stray")}, QProcessEnvironment(), elsewhere.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--dir")), qPrintable(run.err));
    QVERIFY(QDir(QStringLiteral(ATLAS_SOURCE_DIR "/migrations")).entryList({QStringLiteral("*_stray.sql")}).isEmpty());
    // A schema to include that neither side has: a slip, not "the same schema".
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("dbname=postgres"), QStringLiteral("--to"), a.conninfo(),
                      QStringLiteral("--include-schema"), QStringLiteral("Public")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--include-schema Public: neither side")), qPrintable(run.err));
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("garbage=1"), QStringLiteral("--to"), a.conninfo()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("garbage")), qPrintable(run.err));
    run = schemaDiff({QStringLiteral("--from"), QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2"), QStringLiteral("--to"),
                      QStringLiteral("dbname=postgres")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("--from")), qPrintable(run.err));
}

void TestSchemaDiffCommand::schemasIncludedAndExcluded()
{
    TestDatabase a, b;
    QVERIFY(b.connect()->exec(QStringLiteral("CREATE SCHEMA reporting; CREATE TABLE reporting.r (id int); CREATE TABLE public.p (id int);"
                                             "CREATE POLICY \"own avatars\" ON storage.objects FOR SELECT USING (owner = auth.uid());")).ok());
    ProgramRun run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo(), QStringLiteral("--include-schema"),
                          QStringLiteral("reporting")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains(QLatin1String("reporting.r")));
    QVERIFY(!run.out.contains(QLatin1String("public.p")));
    run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo(), QStringLiteral("--exclude-schema"),
                      QStringLiteral("reporting")});
    QVERIFY(!run.out.contains(QLatin1String("reporting.r")));
    QVERIFY(run.out.contains(QLatin1String("public.p")));
    // A storage policy is the project's own, though storage is Supabase's.
    QVERIFY2(run.out.contains(QLatin1String("CREATE POLICY \"own avatars\" ON storage.objects")), qPrintable(run.out));
    // Supabase's own schemas, all of them, when asked for.
    QVERIFY(b.connect()->exec(QStringLiteral("CREATE TABLE auth.audit_extra (id int)")).ok());
    run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo()});
    QVERIFY(!run.out.contains(QLatin1String("auth.audit_extra")));
    run = schemaDiff({QStringLiteral("--from"), a.conninfo(), QStringLiteral("--to"), b.conninfo(), QStringLiteral("--supabase-schemas")});
    QVERIFY2(run.out.contains(QLatin1String("CREATE TABLE auth.audit_extra")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestSchemaDiffCommand)
#include "tst_schemadiffcommand.moc"
