#include "support/TestFiles.h"

#include "core/catalog/MigrationCatalog.h"
#include "core/status/MigrationStatus.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace {


}  // namespace

class TestMigrationCatalog : public QObject {
    Q_OBJECT
private slots:
    void readsAValidFolder();
    void ordersVersionsNumerically();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void skipsWhatTheCliSkips_data();
    void skipsWhatTheCliSkips();
    void readsWhatTheCliReads();
    void reportsAnUnreadableFile();
    void reportsAMissingFolder();
    void warnsAboutDownFilesInASupabaseCliFolder();
    void acceptsDownAndVerifySubfolders();
    void toleratesAByteOrderMark();
    void readsTheNoTransactionMarker();
    void prefersSupabaseMigrationsAsDefault();
    void readsTheProjectMigrations();
};

void TestMigrationCatalog::readsAValidFolder()
{
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("20250918_create_x.sql"), "CREATE TABLE x (id int);\n");
    WRITE_FILE(dir.filePath("20250918_create_x.down.sql"), "DROP TABLE x;\n");
    WRITE_FILE(dir.filePath("20250918_create_x.verify.sql"), "SELECT 'x' AS check_name, true AS passed, '' AS detail;\n");
    WRITE_FILE(dir.filePath("README.md"), "not a migration\n");
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QVERIFY2(catalog.issues.isEmpty(), qPrintable(catalog.issues.value(0).toString()));
    QCOMPARE(catalog.migrations.size(), 1);
    const MigrationFile &m = catalog.migrations.first();
    QCOMPARE(m.version, QStringLiteral("20250918"));
    QCOMPARE(m.name, QStringLiteral("create_x"));
    QCOMPARE(m.up.sql(), QStringLiteral("CREATE TABLE x (id int);\n"));
    QCOMPARE(m.down.fileName(), QStringLiteral("20250918_create_x.down.sql"));
    QVERIFY(m.verify.exists());
    // sha256 of the bytes on disk (sha256sum of the same text)
    QCOMPARE(m.up.sha256(), QByteArray("d3cd73bc46e219bde8fb04eacffafc9447a85e6d249051b0ff5f4c9a2c86c74d"));
}

void TestMigrationCatalog::ordersVersionsNumerically()
{
    QTemporaryDir dir;
    for (const char *name : {"20251002090000_b.sql", "9_early.sql", "20250918_a.sql", "10_later.sql"})
        WRITE_FILE(dir.filePath(QLatin1String(name)), "SELECT 1;");
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QStringList versions;
    for (const MigrationFile &m : catalog.migrations)
        versions << m.version;
    QCOMPARE(versions, (QStringList{"9", "10", "20250918", "20251002090000"}));
}

void TestMigrationCatalog::rejectsBadInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("location");  // file[:line:column] the issue must name
    QTest::addColumn<QString>("message");

    const QByteArray ok = "SELECT 1;\n";
    QTest::newRow("down alone") << "20250918_x.down.sql" << ok << "20250918_x.down.sql" << "down file has no up file 20250918_x.sql";
    QTest::newRow("verify alone") << "20250918_x.verify.sql" << ok << "20250918_x.verify.sql"
                                  << "verify file has no up file 20250918_x.sql";
    QTest::newRow("empty file") << "20250918_x.sql" << QByteArray() << "20250918_x.sql" << "is empty";
    QTest::newRow("white space only") << "20250918_x.sql" << QByteArray(" \n\t\n") << "20250918_x.sql"
                                      << "contains only white space";
    QTest::newRow("latin-1") << "20250918_x.sql" << QByteArray("SELECT 'caf\xe9';\n") << "20250918_x.sql:1:12"
                             << "not valid UTF-8 (byte 0xe9 at offset 11)";
    QTest::newRow("latin-1 line 3") << "20250918_x.sql" << QByteArray("-- a\n-- \xc3\xa9\nSELECT '\xff';")
                                    << "20250918_x.sql:3:9" << "not valid UTF-8 (byte 0xff";
    QTest::newRow("truncated sequence") << "20250918_x.sql" << QByteArray("SELECT '\xe2\x9c';") << "20250918_x.sql:1:9"
                                        << "not valid UTF-8";
    QTest::newRow("overlong") << "20250918_x.sql" << QByteArray("SELECT '\xc0\xaf';") << "20250918_x.sql:1:9"
                              << "not valid UTF-8";
    QTest::newRow("surrogate") << "20250918_x.sql" << QByteArray("SELECT '\xed\xa0\x80';") << "20250918_x.sql:1:9"
                               << "not valid UTF-8";
    QTest::newRow("nul byte") << "20250918_x.sql" << QByteArray("SELECT 1;\nSELECT '\0';", 21) << "20250918_x.sql:2:9"
                              << "contains a NUL byte";
    QTest::newRow("empty down") << "20250918_x.down.sql" << QByteArray() << "20250918_x.down.sql" << "is empty";
}

void TestMigrationCatalog::rejectsBadInput()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, location);
    QFETCH(QString, message);
    QTemporaryDir dir;
    if (file.contains(QLatin1String(".down.")) && content.isEmpty())
        WRITE_FILE(dir.filePath("20250918_x.sql"), "SELECT 1;");
    WRITE_FILE(dir.filePath(file), content);
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QVERIFY(catalog.hasErrors());
    const QString text = catalog.errors().first().toString();
    QVERIFY2(text.startsWith(location + QLatin1String(": ")), qPrintable(text));
    QVERIFY2(text.contains(message), qPrintable(text));
}

void TestMigrationCatalog::skipsWhatTheCliSkips_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no version") << "create_tables.sql"
                                << "skipped, as the Supabase CLI skips it: its name must be <version>_<name>.sql (digits, then '_'), e.g.";
    QTest::newRow("local prefix") << "local_20240103173626_seed.sql" << "the version must come first (20240103173626_seed.sql would be read)";
    QTest::newRow("no underscore") << "20250918create.sql" << "did you mean 20250918_create.sql?";
    QTest::newRow("dash separator") << "20250918-create.sql" << "did you mean 20250918_create.sql?";
    QTest::newRow("dashed date") << "2024-01-05_add_profiles.sql" << "a version is digits only: did you mean 20240105_add_profiles.sql?";
    QTest::newRow("version only") << "20250918.sql" << "name it 20250918_<name>.sql";
    QTest::newRow("old init first") << "20200101000000_init.sql" << "an init migration from before December 2021";
    QTest::newRow("down/ bad name") << "down/x.sql" << "not read: its name must be";
}

void TestMigrationCatalog::skipsWhatTheCliSkips()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath(file), "SELECT 1;");
    WRITE_FILE(dir.filePath("20300101000000_real.sql"), "SELECT 1;");
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QVERIFY2(!catalog.hasErrors(), qPrintable(catalog.errors().value(0).toString()));
    QCOMPARE(catalog.migrations.size(), 1);
    QCOMPARE(catalog.skipped.size(), 1);
    QCOMPARE(catalog.skipped.first().fileName, file);
    const QString warning = catalog.warnings().first().toString();
    QVERIFY2(warning.startsWith(file + QStringLiteral(": warning: ")), qPrintable(warning));
    QVERIFY2(warning.contains(reason), qPrintable(warning));
    // The status lists it, after the migrations.
    const QList<MigrationStatusRow> rows = computeStatus(catalog, {}, {});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.last().state, MigrationState::Skipped);
    QCOMPARE(rows.last().name, file);
}

void TestMigrationCatalog::readsWhatTheCliReads()
{
    // An empty name is the CLI's too (it records ""); an init file that is not first is applied.
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("20250918_.sql"), "SELECT 1;");
    WRITE_FILE(dir.filePath("20200101000000_init.sql"), "SELECT 1;");
    WRITE_FILE(dir.filePath("1_a.sql"), "SELECT 1;");
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QVERIFY(catalog.issues.isEmpty());
    QCOMPARE(catalog.migrations.size(), 3);
    QCOMPARE(catalog.find("20250918")->name, QString());
    QVERIFY(catalog.find("20200101000000"));
}

void TestMigrationCatalog::reportsAnUnreadableFile()
{
    // A dangling link cannot be read even by root (CI runs as root).
    QTemporaryDir dir;
    QVERIFY(QFile::link(dir.filePath("nowhere.sql"), dir.filePath("20250918_x.sql")));
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QCOMPARE(catalog.errors().value(0).toString(), QStringLiteral("20250918_x.sql: cannot be read: No such file or directory"));
    QCOMPARE(catalog.migrations.size(), 1);  // its version stays known
}

void TestMigrationCatalog::reportsAMissingFolder()
{
    const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral("/nonexistent/migrations"));
    QCOMPARE(catalog.errors().size(), 1);
    QCOMPARE(catalog.errors().first().toString(), QStringLiteral("the migrations folder /nonexistent/migrations does not exist"));
}

void TestMigrationCatalog::warnsAboutDownFilesInASupabaseCliFolder()
{
    QTemporaryDir root;
    const QString folder = root.filePath("supabase/migrations");
    WRITE_FILE(folder + "/20250918_x.sql", "CREATE TABLE x ();");
    WRITE_FILE(folder + "/20250918_x.down.sql", "DROP TABLE x;");
    const MigrationCatalog catalog = scanMigrationFolder(folder);
    QVERIFY(!catalog.hasErrors());
    QCOMPARE(catalog.warnings().size(), 1);
    const QString text = catalog.warnings().first().toString();
    QVERIFY2(text.startsWith("20250918_x.down.sql: warning: the Supabase CLI"), qPrintable(text));
    QVERIFY2(text.contains("second migration with version 20250918"), qPrintable(text));
    QVERIFY2(text.contains("move it to down/20250918_x.sql"), qPrintable(text));
}

void TestMigrationCatalog::acceptsDownAndVerifySubfolders()
{
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("20250918_x.sql"), "CREATE TABLE x ();");
    WRITE_FILE(dir.filePath("down/20250918_x.sql"), "DROP TABLE x;");
    WRITE_FILE(dir.filePath("verify/20250918_x.sql"), "SELECT 'x' AS check_name, true AS passed, '' AS detail;");
    MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QVERIFY(catalog.issues.isEmpty());
    QCOMPARE(catalog.migrations.first().down.fileName(), QStringLiteral("down/20250918_x.sql"));
    QCOMPARE(catalog.migrations.first().verify.fileName(), QStringLiteral("verify/20250918_x.sql"));

    WRITE_FILE(dir.filePath("20250918_x.down.sql"), "DROP TABLE x;");
    catalog = scanMigrationFolder(dir.path());
    QCOMPARE(catalog.errors().size(), 1);
    QCOMPARE(catalog.errors().first().toString(),
             QStringLiteral("down/20250918_x.sql: second down file for version 20250918: 20250918_x.down.sql is one already"));

    QTemporaryDir other;
    WRITE_FILE(other.filePath("20250918_a.sql"), "SELECT 1;");
    WRITE_FILE(other.filePath("20250918_b.sql"), "SELECT 1;");
    WRITE_FILE(other.filePath("20250918_b.down.sql"), "SELECT 1;");
    catalog = scanMigrationFolder(other.path());
    QCOMPARE(catalog.errors().size(), 2);
    QCOMPARE(catalog.errors().at(0).toString(),
             QStringLiteral("20250918_b.sql: duplicate version 20250918: 20250918_a.sql has the same version"));
    QCOMPARE(catalog.errors().at(1).toString(),
             QStringLiteral("20250918_b.down.sql: down file has no up file 20250918_b.sql (the up file of version "
                            "20250918 is 20250918_a.sql)"));
}

void TestMigrationCatalog::toleratesAByteOrderMark()
{
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("20250918_x.sql"), "\xEF\xBB\xBFSELECT 1;");
    const MigrationCatalog catalog = scanMigrationFolder(dir.path());
    QVERIFY(!catalog.hasErrors());
    QCOMPARE(catalog.warnings().first().toString(),
             QStringLiteral("20250918_x.sql:1:1: warning: starts with a UTF-8 byte-order mark; it is ignored"));
    QCOMPARE(catalog.migrations.first().up.sql(), QStringLiteral("SELECT 1;"));
}

void TestMigrationCatalog::readsTheNoTransactionMarker()
{
    const auto script = [](const char *sql) { return MigrationScript(QStringLiteral("x.sql"), QStringLiteral("x.sql"), QString::fromUtf8(sql)); };
    QVERIFY(script("-- Build the index without blocking writes.\n-- atlas:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);")
                .runsOutsideTransaction());
    QVERIFY(!script("CREATE TABLE t (a int);\n-- atlas:no-transaction\n").runsOutsideTransaction());
    QVERIFY(!script("CREATE TABLE t (a int);").runsOutsideTransaction());
}

void TestMigrationCatalog::prefersSupabaseMigrationsAsDefault()
{
    QTemporaryDir dir;
    QCOMPARE(defaultMigrationFolder(dir.path(), QStringLiteral("/project/migrations")), QStringLiteral("/project/migrations"));
    QDir(dir.path()).mkpath(QStringLiteral("supabase/migrations"));
    QCOMPARE(defaultMigrationFolder(dir.path(), QStringLiteral("/project/migrations")),
             dir.filePath(QStringLiteral("supabase/migrations")));
}

void TestMigrationCatalog::readsTheProjectMigrations()
{
    const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    QVERIFY2(catalog.issues.isEmpty(), qPrintable(catalog.issues.value(0).toString()));
    QCOMPARE(catalog.migrations.size(), 3);
    for (const MigrationFile &m : catalog.migrations) {
        QVERIFY2(m.down.exists(), qPrintable(m.displayName()));
        QVERIFY2(m.verify.exists(), qPrintable(m.displayName()));
    }
}

QTEST_APPLESS_MAIN(TestMigrationCatalog)
#include "tst_migrationcatalog.moc"
