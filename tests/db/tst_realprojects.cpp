#include "support/EngineFixture.h"

#include "core/catalog/MigrationCatalog.h"
#include "core/status/MigrationStatus.h"
#include "core/text/PgTextArray.h"

#include <QtTest>

// The corpus (tests/corpus/<project>/supabase/migrations): folders written in the shapes real
// Supabase projects use, applied on the local database shaped like Supabase's. Those whose
// extensions this server has apply fully and record what the CLI's splitter gives; the others
// stop in preflight, having changed nothing.
class TestRealProjects : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void appliesFully_data();
    void appliesFully();
    void stopsInPreflight_data();
    void stopsInPreflight();
};

namespace {

QString corpusFolder(const QString &project)
{
    return QStringLiteral(ATLAS_SOURCE_DIR "/tests/corpus/%1/supabase/migrations").arg(project);
}

// Every schema, relation, function, extension, role, policy, trigger and publication of the
// database, as one digest: equal before and after means nothing was made, dropped or renamed.
QString catalogDigest(const TestDatabase &db)
{
    return db.scalar(QStringLiteral(
        "SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
        " SELECT 'n ' || nspname FROM pg_namespace UNION ALL"
        " SELECT 'c ' || oid::regclass::text FROM pg_class UNION ALL"
        " SELECT 'p ' || oid::regprocedure::text FROM pg_proc UNION ALL"
        " SELECT 'e ' || extname FROM pg_extension UNION ALL"
        " SELECT 'r ' || rolname FROM pg_roles UNION ALL"
        " SELECT 'pol ' || polname FROM pg_policy UNION ALL"
        " SELECT 't ' || tgname FROM pg_trigger UNION ALL"
        " SELECT 'pub ' || pubname || ' ' || coalesce((SELECT string_agg(prrelid::regclass::text, ' ' ORDER BY prrelid)"
        "   FROM pg_publication_rel WHERE prpubid = pub.oid), '') FROM pg_publication pub) s(x)"));
}

}  // namespace

void TestRealProjects::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PGPORT"), "run under scripts/localdb (PG* variables)");
}

void TestRealProjects::appliesFully_data()
{
    QTest::addColumn<QString>("project");
    // How many statements the Supabase CLI's splitter makes of each file (its Go code, run on them).
    QTest::addColumn<QList<int>>("cliStatements");
    QTest::addColumn<QStringList>("skipped");
    QTest::newRow("avatars: storage bucket and policies, a SECURITY DEFINER trigger on auth.users")
        << "avatars" << QList<int>{7, 5, 7} << QStringList();
    QTest::newRow("todos: enum, moddatetime, realtime publication, a role made in a DO block, a skipped file")
        << "todos" << QList<int>{10, 2, 7} << QStringList({"local_20240102000000_dev_seed.sql"});
    QTest::newRow("pulled: a db pull dump (SET ..., set_config search_path '', RESET ALL)")
        << "pulled" << QList<int>{67, 2} << QStringList();
    QTest::newRow("apikeys: pgcrypto, uuid-ossp, citext, pg_trgm through the extensions search path")
        << "apikeys" << QList<int>{4, 7, 2} << QStringList();
    QTest::newRow("ledger: BEGIN ATOMIC, 'atomic' identifiers, CASE ... END, nested dollar tags")
        << "ledger" << QList<int>{8, 3} << QStringList();
}

void TestRealProjects::appliesFully()
{
    QFETCH(QString, project);
    QFETCH(QList<int>, cliStatements);
    QFETCH(QStringList, skipped);
    const int migrations = int(cliStatements.size());
    const MigrationCatalog catalog = scanMigrationFolder(corpusFolder(project));
    QVERIFY2(!catalog.hasErrors(), qPrintable(catalog.issues.value(0).toString()));
    QCOMPARE(catalog.migrations.size(), migrations);
    QStringList skippedNames;
    for (const SkippedFile &file : catalog.skipped)
        skippedNames << file.fileName;
    QCOMPARE(skippedNames, skipped);

    TestDatabase db;
    auto connection = db.connect();
    MigrationRunner runner(*connection, TestDatabase::runnerOptions());
    const QList<RunReport> planned = runner.dryRunPending(catalog, QString());
    QCOMPARE(planned.size(), migrations);
    for (const RunReport &report : planned)
        QVERIFY2(report.ok, qPrintable(report.version + ": " + report.message));

    const QList<RunReport> reports = runner.applyPending(catalog, QString(), false);
    QCOMPARE(reports.size(), migrations);
    for (const RunReport &report : reports)
        QVERIFY2(report.ok, qPrintable(report.version + ": " + report.message));

    // Each recorded as the Supabase CLI records it: the statements its splitter gives.
    for (int i = 0; i < migrations; ++i) {
        const MigrationFile &file = catalog.migrations.at(i);
        QCOMPARE(int(file.up.cliStatements().size()), cliStatements.at(i));
        QCOMPARE(db.scalar(QStringLiteral("SELECT statements = '%1'::text[] FROM supabase_migrations.schema_migrations "
                                          "WHERE version = '%2' AND name = '%3'")
                               .arg(toPgTextArray(file.up.cliStatements()).replace('\'', "''"), file.version, file.name)),
                 QStringLiteral("t"));
    }
    const StatusReport status = runner.status(catalog);
    QVERIFY2(status.ok(), qPrintable(status.error.toString()));
    for (const MigrationStatusRow &row : status.rows) {
        const MigrationState expected = skipped.contains(row.name) ? MigrationState::Skipped : MigrationState::Applied;
        QVERIFY2(row.state == expected, qPrintable(row.version + " " + row.name + ": " + migrationStateName(row.state)));
    }
    // Nothing left to do.
    const QList<RunReport> again = runner.applyPending(catalog, QString(), false);
    QCOMPARE(again.size(), 1);
    QVERIFY(again.first().ok && again.first().skipped);
    QCOMPARE(again.first().message, QStringLiteral("nothing to apply: the database is up to date"));
}

void TestRealProjects::stopsInPreflight_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("missing");
    QTest::newRow("embeddings: pgvector and pg_net")
        << "embeddings"
        << QStringList({"needs extension vector (20240103173626_init.sql:5), which this server does not offer (Supabase does)",
                        "needs extension pg_net (20240210090000_webhooks.sql:2), which this server does not offer (Supabase does)"});
    QTest::newRow("hosted_pull: a dump of a hosted project")
        << "hosted_pull"
        << QStringList({"needs extension pgsodium (20240601120000_remote_schema.sql:15), which this server does not offer (Supabase does)",
                        "needs extension pg_graphql (20240601120000_remote_schema.sql:22), which this server does not offer (Supabase does)",
                        "needs extension pgjwt (20240601120000_remote_schema.sql:43), which this server does not offer (Supabase does)",
                        "needs extension supabase_vault (20240601120000_remote_schema.sql:50), which this server does not offer "
                        "(Supabase does)"});
}

void TestRealProjects::stopsInPreflight()
{
    QFETCH(QString, project);
    QFETCH(QStringList, missing);
    const MigrationCatalog catalog = scanMigrationFolder(corpusFolder(project));
    QVERIFY2(!catalog.hasErrors(), qPrintable(catalog.issues.value(0).toString()));
    TestDatabase db;
    auto connection = db.connect();
    MigrationRunner runner(*connection, TestDatabase::runnerOptions());
    const QString before = catalogDigest(db);
    const QString expected = QStringLiteral("this database lacks what the migrations need; nothing was run or changed:\n  ")
                             + missing.join(QStringLiteral("\n  "));

    const QList<RunReport> planned = runner.dryRunPending(catalog, QString());
    QCOMPARE(planned.size(), 1);
    QVERIFY(planned.first().preflightFailed);
    QCOMPARE(planned.first().message, expected);

    const QList<RunReport> applied = runner.applyPending(catalog, QString(), false);
    QCOMPARE(applied.size(), 1);
    QVERIFY(!applied.first().ok);
    QVERIFY(applied.first().preflightFailed);
    QCOMPARE(applied.first().message, expected);
    // One file alone is checked the same way.
    const RunReport single = runner.apply(catalog.migrations.first());
    QVERIFY(single.preflightFailed);
    const QStringList ofFirstFile = missing.filter(catalog.migrations.first().up.fileName());
    QCOMPARE(single.message, QStringLiteral("this database lacks what the migrations need; nothing was run or changed:\n  ")
                                 + ofFirstFile.join(QStringLiteral("\n  ")));

    QCOMPARE(catalogDigest(db), before);
    QCOMPARE(db.scalar("SELECT to_regclass('supabase_migrations.schema_migrations') IS NULL"), QStringLiteral("t"));
}

QTEST_GUILESS_MAIN(TestRealProjects)
#include "tst_realprojects.moc"
