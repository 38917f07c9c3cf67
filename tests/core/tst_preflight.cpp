#include "core/preflight/Preflight.h"
#include "core/sql/SqlScript.h"

#include <QtTest>

// What a run needs from the database, read from its files alone.
class TestPreflight : public QObject {
    Q_OBJECT
private slots:
    void readsWhatStatementsNeed_data();
    void readsWhatStatementsNeed();
    void whatAnEarlierStatementMakesIsNotNeeded();
    void objectsMadeInDoBlocks();
    void eachNeedOnceAtItsFirstUse();
    void describesWhatIsMissing();
};

namespace {

// The needs in the order of their places; those of one statement by name.
QString describe(const QList<Requirement> &needs)
{
    QStringList out;
    qsizetype groupStart = 0;
    for (qsizetype i = 0; i < needs.size(); ++i) {
        if (i > 0 && needs.at(i).where != needs.at(i - 1).where)
            groupStart = out.size();
        out << referenceKindName(needs.at(i).kind) + QLatin1Char(' ') + needs.at(i).name + QLatin1Char('@') + needs.at(i).where;
        std::sort(out.begin() + groupStart, out.end());
    }
    return out.join(QLatin1String(", "));
}

QList<Requirement> needsOf(const QStringList &sqlOfEachFile)
{
    QList<MigrationScript> scripts;
    for (int i = 0; i < sqlOfEachFile.size(); ++i) {
        const QString name = QStringLiteral("2024010100000%1_f.sql").arg(i);
        scripts.append(MigrationScript(QStringLiteral("/m/") + name, name, sqlOfEachFile.at(i)));
    }
    QList<const MigrationScript *> order;
    for (const MigrationScript &s : scripts)
        order << &s;
    return requirementsOf(order);
}

}  // namespace

void TestPreflight::readsWhatStatementsNeed_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("needs");
    const QString at = QStringLiteral("@20240101000000_f.sql:1");
    QTest::newRow("extension") << "CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;"
                               << "extension vector" + at + ", schema extensions" + at;
    QTest::newRow("trigger on auth.users") << "CREATE TRIGGER t AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.on_signup();"
                                           << "schema auth" + at + ", schema public" + at;
    QTest::newRow("storage policy") << "CREATE POLICY p ON storage.objects FOR SELECT TO authenticated "
                                       "USING (bucket_id = 'avatars' AND auth.uid()::text = (storage.foldername(name))[1]);"
                                    << "role authenticated" + at + ", schema auth" + at + ", schema storage" + at;
    QTest::newRow("foreign key to auth.users") << "CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE);"
                                               << "schema auth" + at;
    QTest::newRow("grants to the API roles") << "GRANT USAGE ON SCHEMA storage TO anon, service_role;"
                                             << "role anon" + at + ", role service_role" + at + ", schema storage" + at;
    QTest::newRow("default privileges") << "ALTER DEFAULT PRIVILEGES IN SCHEMA extensions GRANT EXECUTE ON FUNCTIONS TO anon;"
                                        << "role anon" + at + ", schema extensions" + at;
    QTest::newRow("realtime publication") << "ALTER PUBLICATION supabase_realtime ADD TABLE public.todos;"
                                          << "publication supabase_realtime" + at + ", schema public" + at;
    QTest::newRow("qualified type") << "CREATE TABLE t (e extensions.citext);" << "schema extensions" + at;
    QTest::newRow("owner") << "ALTER FUNCTION f() OWNER TO supabase_admin;" << "role supabase_admin" + at;
    QTest::newRow("system schemas and PUBLIC need nothing")
        << "CREATE TABLE pg_temp.x (a pg_catalog.int4); GRANT SELECT ON x TO PUBLIC; SELECT information_schema._pg_truetypid(NULL, NULL);"
        << "";
    QTest::newRow("drop if exists needs nothing") << "DROP FUNCTION IF EXISTS gone.f(); DROP ROLE IF EXISTS old_role;" << "";
    QTest::newRow("a $$ body is not read") << "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ SELECT vault.x() $$;" << "";
    QTest::newRow("an SQL-standard body is") << "CREATE FUNCTION f() RETURNS uuid LANGUAGE sql BEGIN ATOMIC SELECT auth.uid(); END;"
                                             << "schema auth" + at;
}

void TestPreflight::readsWhatStatementsNeed()
{
    QFETCH(QString, sql);
    QFETCH(QString, needs);
    QCOMPARE(describe(needsOf({sql})), needs);
}

void TestPreflight::whatAnEarlierStatementMakesIsNotNeeded()
{
    const QList<Requirement> needs = needsOf({
        "CREATE SCHEMA app AUTHORIZATION postgres;\nCREATE ROLE app_reader NOLOGIN;",
        "CREATE TABLE app.t (id int);\nGRANT SELECT ON app.t TO app_reader;\nCREATE PUBLICATION feed;",
        "ALTER PUBLICATION feed ADD TABLE app.t;\nCREATE EXTENSION pg_net;\nSELECT net.http_get('x');",
    });
    QCOMPARE(describe(needs), QStringLiteral("role postgres@20240101000000_f.sql:1, extension pg_net@20240101000002_f.sql:2"));
}

void TestPreflight::objectsMadeInDoBlocks()
{
    const QList<Requirement> needs = needsOf({
        "DO $$ BEGIN\n"
        "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'worker') THEN CREATE ROLE worker NOLOGIN; END IF;\n"
        "  EXECUTE 'CREATE SCHEMA IF NOT EXISTS jobs';\n"
        "  IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'vector') THEN CREATE EXTENSION vector; END IF;\n"
        "  PERFORM storage.foldername('a/b');\n"
        "END $$;\n"
        "GRANT USAGE ON SCHEMA jobs TO worker;\n"
        "DO LANGUAGE plpgsql $body$ BEGIN CREATE PUBLICATION feed; END $body$;\n"
        "ALTER PUBLICATION feed ADD TABLE jobs.queue;",
    });
    // Made in the blocks: worker, jobs, feed. Named behind an IF: vector, storage (not needed).
    QCOMPARE(describe(needs), QString());
    // A block that does not parse makes nothing, and the file's other statements still count.
    QCOMPARE(describe(needsOf({"DO $$ BEGIN CREATE ROLE x; ENDD $$;\nGRANT anon TO x;"})),
             QStringLiteral("role anon@20240101000000_f.sql:2, role x@20240101000000_f.sql:2"));
}

void TestPreflight::eachNeedOnceAtItsFirstUse()
{
    const QList<Requirement> needs = needsOf({
        "SELECT 1;\nCREATE POLICY p ON storage.objects TO anon USING (true);",
        "CREATE POLICY q ON storage.objects TO anon USING (true);\nCREATE EXTENSION http;",
    });
    QCOMPARE(describe(needs), QStringLiteral("role anon@20240101000000_f.sql:2, schema storage@20240101000000_f.sql:2, "
                                             "extension http@20240101000001_f.sql:2"));
}

void TestPreflight::describesWhatIsMissing()
{
    const QList<Requirement> missing{
        {ObjectReference::Kind::Extension, "vector", "20240103173626_init.sql:5"},
        {ObjectReference::Kind::Extension, "made_up", "20240103173626_init.sql:6"},
        {ObjectReference::Kind::Schema, "storage", "20240103173626_init.sql:9"},
        {ObjectReference::Kind::Schema, "net", "20240103173626_init.sql:12"},
        {ObjectReference::Kind::Schema, "app", "20240103173626_init.sql:14"},
        {ObjectReference::Kind::Role, "anon", "20240103173626_init.sql:20"},
        {ObjectReference::Kind::Publication, "supabase_realtime", "20240103173626_init.sql:30"},
    };
    QCOMPARE(describeMissing(missing),
             QStringList({"needs extension vector (20240103173626_init.sql:5), which this server does not offer (Supabase does)",
                          "needs extension made_up (20240103173626_init.sql:6), which this server does not offer (nor does Supabase)",
                          "needs schema storage (20240103173626_init.sql:9), which this database does not have (a Supabase project has it)",
                          "needs schema net (20240103173626_init.sql:12), which this database does not have (extension pg_net makes it)",
                          "needs schema app (20240103173626_init.sql:14), which this database does not have",
                          "needs role anon (20240103173626_init.sql:20), which this server does not have (a Supabase project has it)",
                          "needs publication supabase_realtime (20240103173626_init.sql:30), which this database does not have "
                          "(a Supabase project has it)"}));
}

QTEST_APPLESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
