#include "support/RoundTripCases.h"
#include "support/SchemaTest.h"

#include "db/schema/SchemaSourceReader.h"

#include <future>

using namespace SchemaTest;

// Shadow databases this process left behind. Only its own (atlas_shadow_<pid>_<n>): other tests
// running beside this one build folders on the same server.
static QString shadowDatabasesLeft()
{
    TestDatabase any;
    return any.scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'atlas\\_shadow\\_%1\\_%'")
                          .arg(QCoreApplication::applicationPid()));
}

// Schema compare, round trip: for each pair of databases FROM and TO (made by hand, as the seed's
// production is), the generated migration applied to FROM makes it compare equal to TO, and
// pg_dump --schema-only of the two agrees; the down migration applied after it brings FROM back.
class TestSchemaCompare : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void publicationsKeepTheirTablesOutOfScope();
    void madeAgainUnderAColumnIsAWarning_data();
    void madeAgainUnderAColumnIsAWarning();
    void equalPrivilegesGiveNothing();
    void renameIsDropAndCreateWithDataLoss();
    void enumValueRemovedIsAWarning();
    void replicaIdentityIndexIsAWarning();
    void aNarrowerTypeRefusesLongerValues();
    void theAtlasFolderEqualsItsAppliedDatabase();
    void realProjectFoldersRoundTrip_data() { realProjectFolders(); }
    void realProjectFoldersRoundTrip();
    void aFolderThatDoesNotBuildSaysWhere();
    void aFolderNeedingWhatThisServerLacksSaysWhat_data();
    void aFolderNeedingWhatThisServerLacksSaysWhat();
    void readsEveryObjectOfManyTables();

};

void TestSchemaCompare::roundTrip_data()
{
    SchemaTest::roundTripCases();
}

void TestSchemaCompare::roundTrip()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, kinds);
    TestDatabase fromDb, toDb, originalDb;
    QCOMPARE(run(fromDb, from), QString());
    QCOMPARE(run(originalDb, from), QString());
    QCOMPARE(run(toDb, to), QString());

    const SchemaCompareResult result = compareSchemaModels(read(fromDb), read(toDb));
    QVERIFY(!result.equal());
    QVERIFY2(result.up.warnings.isEmpty(), qPrintable(result.up.warnings.join('\n')));
    for (const QString &kind : kinds)
        QVERIFY2(std::any_of(result.differences.cbegin(), result.differences.cend(), [&](const SchemaDifference &d) { return d.kind == kind; }),
                 qPrintable(kind + QStringLiteral(" not among:\n") + differencesText(result.differences)));

    // An owner alone changes in place: nothing is dropped for it.
    QVERIFY2(!result.upScript().contains(QLatin1String("DROP VIEW public.v;")) && !result.upScript().contains(QLatin1String("DROP MATERIALIZED VIEW public.mv"))
                 && !result.upScript().contains(QLatin1String("DROP TYPE public.pair")),
             qPrintable(result.upScript()));
    // As psql -f or a paste runs it: no transaction block around it.
    QString failure = runWithPsql(fromDb, result.upScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.upScript()));
    const SchemaCompareResult after = compareSchemaModels(read(fromDb), read(toDb));
    QVERIFY2(after.equal(), qPrintable(differencesText(after.differences) + QStringLiteral("\n--- up was:\n") + result.upScript()));
    compareDumps(fromDb, toDb);
    if (QTest::currentTestFailed())
        return;

    failure = runWithPsql(fromDb, result.downScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.downScript()));
    // What the down migration cannot do (an enum value removed) it says, and only that remains.
    const SchemaCompareResult back = compareSchemaModels(read(fromDb), read(originalDb));
    for (const SchemaDifference &difference : back.differences)
        QVERIFY2(std::any_of(result.down.warnings.cbegin(), result.down.warnings.cend(),
                             [&](const QString &warning) { return warning.contains(difference.name + QLatin1Char(' ')); }),
                 qPrintable(differencesText(back.differences) + QStringLiteral("\n--- down was:\n") + result.downScript()));
}

void TestSchemaCompare::publicationsKeepTheirTablesOutOfScope()
{
    // supabase_realtime publishes storage.objects on one side: storage is Supabase's, left out of
    // the comparison, so the migration must leave it published (SET TABLE took it out).
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.m (id int PRIMARY KEY); ALTER PUBLICATION supabase_realtime ADD TABLE storage.objects;"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.m (id int PRIMARY KEY); ALTER PUBLICATION supabase_realtime ADD TABLE public.m;"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    QCOMPARE(result.differences.size(), 1);
    QCOMPARE(runWithPsql(a, result.upScript()), QString());
    QVERIFY(compareSchemaModels(read(a), read(b)).equal());
    QCOMPARE(rows(a, "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = 'supabase_realtime' ORDER BY 1"),
             QStringLiteral("public.m\nstorage.objects"));
}

void TestSchemaCompare::madeAgainUnderAColumnIsAWarning_data()
{
    // What PostgreSQL can neither change in place nor drop under a column: said, not generated,
    // and what is generated applies; the difference stays, as the warning says.
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("warning");
    QTest::newRow("a collation's locale")
        << "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);"
           "CREATE TABLE public.users (id int PRIMARY KEY, email text COLLATE public.ci, name text);"
        << "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);"
           "CREATE TABLE public.users (id int PRIMARY KEY, email text COLLATE public.ci, name text, nick text);"
        << "collation public.ci changes in a way that needs it dropped and created again, which PostgreSQL refuses while columns use "
           "it (public.users.email)";
    QTest::newRow("an attribute of a composite type inside another")
        << "CREATE TYPE public.pair AS (a int, b text); CREATE TYPE public.outer_t AS (p public.pair, n int);"
           "CREATE TABLE public.t (id int PRIMARY KEY, o public.outer_t);"
        << "CREATE TYPE public.pair AS (a bigint, b text); CREATE TYPE public.outer_t AS (p public.pair, n int);"
           "CREATE TABLE public.t (id int PRIMARY KEY, o public.outer_t);"
        << "type public.pair: attribute a changes from integer to bigint, which PostgreSQL refuses while a column has the type (public.t.o)";
}

void TestSchemaCompare::madeAgainUnderAColumnIsAWarning()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, warning);
    TestDatabase a, b;
    QString failure;
    const SchemaCompareResult result = compareBuilt(a, from, b, to, &failure);
    QCOMPARE(failure, QString());
    QCOMPARE(result.up.warnings.size(), 1);
    QVERIFY2(result.up.warnings.first().startsWith(warning), qPrintable(result.up.warnings.first()));
    QCOMPARE(runWithPsql(a, result.upScript()), QString());
    QCOMPARE(compareSchemaModels(read(a), read(b)).differences.size(), 1);
}

void TestSchemaCompare::equalPrivilegesGiveNothing()
{
    // The same access reached differently: granted by another role, spelled out or left default.
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.t (id int); GRANT SELECT ON public.t TO anon;"
                    "CREATE POLICY p ON public.t FOR SELECT TO authenticated, anon USING (true);"
                    "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.t (id int); REVOKE ALL ON public.t FROM anon; GRANT ALL ON public.t TO anon;"
                    "CREATE POLICY p ON public.t FOR SELECT TO anon, authenticated USING (true);"
                    "GRANT SELECT ON public.t TO anon;"
                    "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'; GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC;"),
             QString());
    QCOMPARE(run(b, "SET ROLE supabase_admin; GRANT SELECT ON public.t TO anon; RESET ROLE;"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    QVERIFY2(result.equal(), qPrintable(differencesText(result.differences)));
    QVERIFY(result.up.statements.isEmpty());
}

void TestSchemaCompare::renameIsDropAndCreateWithDataLoss()
{
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.conversations (id int, conversation_count int);"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.chats (id int, conversation_count int);"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    const auto drop = std::find_if(result.up.statements.cbegin(), result.up.statements.cend(),
                                   [](const GeneratedStatement &s) { return s.sql.startsWith(QLatin1String("DROP TABLE public.conversations")); });
    QVERIFY(drop != result.up.statements.cend());
    QVERIFY(drop->dataLoss);
    QVERIFY2(drop->note.contains(QLatin1String("rename of public.conversations to public.chats")), qPrintable(drop->note));
    QVERIFY(result.upScript().contains(QLatin1String("-- DATA LOSS: looks like a rename")));
    QVERIFY(std::any_of(drop->findings.cbegin(), drop->findings.cend(), [](const LintFinding &f) { return f.rule == QLatin1String("ban-drop-table"); }));
    QVERIFY(result.upScript().contains(QLatin1String("CREATE TABLE public.chats")));
}

void TestSchemaCompare::enumValueRemovedIsAWarning()
{
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TYPE public.mood AS ENUM ('calm', 'tense', 'angry');"), QString());
    QCOMPARE(run(b, "CREATE TYPE public.mood AS ENUM ('calm', 'angry');"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    QCOMPARE(result.up.warnings.size(), 1);
    QVERIFY2(result.up.warnings.first().contains(QLatin1String("public.mood")), qPrintable(result.up.warnings.first()));
    QVERIFY(result.upScript().contains(QLatin1String("-- WARNING: enum public.mood")));
    // The other way round it is a value added, in place.
    QVERIFY2(result.downScript().contains(QLatin1String("ALTER TYPE public.mood ADD VALUE 'tense' AFTER 'calm';")), qPrintable(result.downScript()));
    QVERIFY(result.down.warnings.isEmpty());

    // A new value used in the same migration: said, since PostgreSQL refuses it before a commit.
    TestDatabase c;
    QCOMPARE(run(c, "CREATE TYPE public.mood AS ENUM ('calm', 'tense', 'angry'); CREATE TABLE public.m (v public.mood DEFAULT 'tense');"), QString());
    const SchemaCompareResult used = compareSchemaModels(read(b), read(c));
    QCOMPARE(used.up.warnings.size(), 1);
    QVERIFY2(used.up.warnings.first().contains(QLatin1String("adds the enum value 'tense'")), qPrintable(used.up.warnings.first()));
}

void TestSchemaCompare::replicaIdentityIndexIsAWarning()
{
    // Which index REPLICA IDENTITY USING INDEX names is not read: said, not reset to DEFAULT.
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.ri (id int PRIMARY KEY, b text);"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.ri (id int PRIMARY KEY, b text); ALTER TABLE public.ri REPLICA IDENTITY USING INDEX ri_pkey;"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    QVERIFY(!result.equal());
    QVERIFY(result.up.statements.isEmpty());
    QCOMPARE(result.up.warnings.size(), 1);
    QVERIFY2(result.up.warnings.first().contains(QLatin1String("public.ri has REPLICA IDENTITY USING INDEX")), qPrintable(result.up.warnings.first()));
    QVERIFY(result.upScript().contains(QLatin1String("No statement: what differs needs a hand")));
}

void TestSchemaCompare::aNarrowerTypeRefusesLongerValues()
{
    // USING b::varchar(5) would cut 'abcdefghij' to 'abcde' without a word: the migration stops
    // instead, and goes through once the values fit.
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.t (id int, b text); INSERT INTO public.t VALUES (1, 'abcdefghij');"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.t (id int, b varchar(5));"), QString());
    const QString up = compareSchemaModels(read(a), read(b)).upScript();
    QVERIFY2(up.contains(QLatin1String("USING b::character varying;")), qPrintable(up));
    QVERIFY2(run(a, up).contains(QLatin1String("value too long for type character varying(5)")), qPrintable(up));
    QCOMPARE(rows(a, "SELECT b FROM public.t"), QStringLiteral("abcdefghij"));
    QCOMPARE(run(a, "UPDATE public.t SET b = 'abc';"), QString());
    QCOMPARE(run(a, up), QString());
    QVERIFY(compareSchemaModels(read(a), read(b)).equal());
}

void TestSchemaCompare::theAtlasFolderEqualsItsAppliedDatabase()
{
    TestDatabase applied;
    {
        auto connection = applied.connect();
        MigrationRunner runner(*connection);
        const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
        for (const RunReport &report : runner.applyPending(catalog))
            QVERIFY2(report.ok, qPrintable(report.message));
    }
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const SchemaRead folder = reader.read({SchemaSource::Kind::Folder, QStringLiteral(ATLAS_MIGRATIONS_DIR)}, QString(), SchemaScope::fromOptions({}, {}));
    QVERIFY2(folder.ok(), qPrintable(folder.error));
    QVERIFY(folder.model.find(QStringLiteral("table public.daily_usage")));
    const SchemaCompareResult result = compareSchemaModels(folder.model, read(applied));
    QVERIFY2(result.equal(), qPrintable(differencesText(result.differences)));
    // The shadow database is gone.
    QCOMPARE(shadowDatabasesLeft(), QStringLiteral("0"));

    // Changed by hand, as the seed's production was: the comparison says what no migration made.
    QCOMPARE(run(applied, "CREATE INDEX daily_usage_by_hand ON public.daily_usage (created_at);"), QString());
    const SchemaCompareResult drifted = compareSchemaModels(folder.model, read(applied));
    QCOMPARE(drifted.differences.size(), 1);
    QCOMPARE(drifted.differences.first().name, QStringLiteral("public.daily_usage_by_hand"));
}

void TestSchemaCompare::realProjectFoldersRoundTrip()
{
    // An empty project made into what the folder builds by the generated SQL alone (storage
    // policies, triggers on auth.users, $$ bodies, grants to the API roles, a db pull dump), and
    // back to empty by the down migration.
    QFETCH(QString, folder);
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const SchemaRead built = reader.read({SchemaSource::Kind::Folder, folder}, QString(), SchemaScope::fromOptions({}, {}));
    QVERIFY2(built.ok(), qPrintable(built.error));
    TestDatabase empty, pristine;
    const SchemaCompareResult result = compareSchemaModels(read(empty), built.model);
    QVERIFY(!result.equal());
    QVERIFY2(result.up.warnings.isEmpty(), qPrintable(result.up.warnings.join('\n')));
    QString failure = run(empty, result.upScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.upScript()));
    const SchemaCompareResult after = compareSchemaModels(read(empty), built.model);
    QVERIFY2(after.equal(), qPrintable(differencesText(after.differences)));
    failure = run(empty, result.downScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.downScript()));
    const SchemaCompareResult back = compareSchemaModels(read(empty), read(pristine));
    QVERIFY2(back.equal(), qPrintable(differencesText(back.differences)));
}

void TestSchemaCompare::aFolderThatDoesNotBuildSaysWhere()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("20260101000000_broken.sql")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int REFERENCES public.missing (id));\n");
    file.close();
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const SchemaRead read = reader.read({SchemaSource::Kind::Folder, dir.path()}, QString(), SchemaScope::fromOptions({}, {}));
    QCOMPARE(read.failure, SchemaRead::Failure::BadInput);
    QVERIFY2(read.error.contains(QLatin1String("20260101000000")) && read.error.contains(QLatin1String("missing")), qPrintable(read.error));
    QCOMPARE(shadowDatabasesLeft(), QStringLiteral("0"));
}

void TestSchemaCompare::aFolderNeedingWhatThisServerLacksSaysWhat_data()
{
    // The corpus's two projects that cannot build on Debian's PostgreSQL: said, with where each
    // extension is asked for, and nothing left behind.
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("needs");
    QTest::newRow("embeddings") << "embeddings"
                                << QStringList{"extension vector (20240103173626_init.sql:5)", "extension pg_net (20240210090000_webhooks.sql:2)"};
    QTest::newRow("hosted_pull") << "hosted_pull"
                                 << QStringList{"extension pg_graphql (20240601120000_remote_schema.sql:22)",
                                                "extension supabase_vault (20240601120000_remote_schema.sql:50)"};
}

void TestSchemaCompare::aFolderNeedingWhatThisServerLacksSaysWhat()
{
    QFETCH(QString, project);
    QFETCH(QStringList, needs);
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const QString folder = QStringLiteral(ATLAS_SOURCE_DIR "/tests/corpus/%1/supabase/migrations").arg(project);
    const SchemaRead read = reader.read({SchemaSource::Kind::Folder, folder}, QString(), SchemaScope::fromOptions({}, {}));
    QCOMPARE(read.failure, SchemaRead::Failure::BadInput);
    for (const QString &need : needs)
        QVERIFY2(read.error.contains(need), qPrintable(read.error));
    QVERIFY2(read.error.startsWith(folder + QStringLiteral(" does not build in a shadow database: this database lacks")), qPrintable(read.error));
    QCOMPARE(shadowDatabasesLeft(), QStringLiteral("0"));
}

void TestSchemaCompare::readsEveryObjectOfManyTables()
{
    TestDatabase db;
    QString many;
    for (int i = 0; i < 50; ++i)
        many += QStringLiteral("CREATE TABLE public.t%1 (id int PRIMARY KEY, v text); CREATE INDEX t%1_v ON public.t%1 (v);").arg(i);
    QCOMPARE(run(db, many), QString());
    const SchemaModel model = read(db);
    QVERIFY(model.find(QStringLiteral("index public.t49_v")));
    QVERIFY(model.find(QStringLiteral("constraint public.t0.t0_pkey")));
    QCOMPARE(model.children(QStringLiteral("public.t7"), QStringLiteral("column")).size(), 2);
    QCOMPARE(model.currentUser, QStringLiteral("postgres"));
    // Supabase's schemas are left out by default, read when asked for.
    QVERIFY(!model.find(QStringLiteral("table auth.users")));
    QVERIFY(read(db, SchemaScope::fromOptions({QStringLiteral("auth")}, {})).find(QStringLiteral("table auth.users")));

    // Read alone, the columns come from a second connection; two reads at once of one server are
    // not split. Both ways, the same model (column grants and comments, defaults, identities).
    QCOMPARE(run(db, "GRANT SELECT (v) ON public.t3 TO anon; COMMENT ON COLUMN public.t3.v IS 'v';"
                     "ALTER TABLE public.t4 ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY, ADD COLUMN d text DEFAULT 'x';"),
             QString());
    const auto described = [](const SchemaModel &m) {
        QStringList lines;
        for (const SchemaObject &o : m.objects())
            lines << o.key() + QLatin1Char('|') + o.definition + QLatin1Char('|') + o.dependsOn.join(QLatin1Char(','));
        return lines;
    };
    const QStringList alone = described(read(db));
    auto other = std::async(std::launch::async, [&] { return described(read(db)); });
    const QStringList together = described(read(db));
    QCOMPARE(together, alone);
    QCOMPARE(other.get(), alone);
    QVERIFY(alone.contains(QStringLiteral("comment column public.t3.v|v|")));
    QVERIFY(std::any_of(alone.cbegin(), alone.cend(), [](const QString &l) { return l.startsWith(QLatin1String("grant column public.t3.v to anon|SELECT")); }));
}

QTEST_GUILESS_MAIN(TestSchemaCompare)
#include "tst_schemacompare.moc"
