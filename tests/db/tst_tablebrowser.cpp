// Keyset browsing against the real local database: order across page boundaries in both
// directions, with sort and filters, hostile filter values, a table without a key, values, and
// what each Supabase role sees.
#include "support/TestDatabase.h"

#include "db/migrate/MigrationRunner.h"
#include "db/browse/CsvExport.h"
#include "db/browse/RelationCatalog.h"
#include "db/browse/TableBrowser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {

// Walks the whole table page by page, forward from the first page or backward from the last,
// and returns the first column of every row in display order.
QStringList walk(PgConnection &c, const BrowseSpec &spec, bool backward, const ViewAs &as = {})
{
    QStringList ids;
    QList<QStringList> pages;
    BrowsePage page = TableBrowser::fetchPage(c, spec, backward ? PageAnchor::Last : PageAnchor::First, {}, as);
    int guard = 0;
    while (!page.error.isError() && !page.rows.isEmpty() && guard++ < 10000) {
        QStringList chunk;
        for (const QStringList &row : page.rows)
            chunk << row.first();
        if (backward)
            ids = chunk + ids;
        else
            ids += chunk;
        if (page.rows.size() < spec.pageSize)
            break;
        page = TableBrowser::fetchPage(c, spec, backward ? PageAnchor::Before : PageAnchor::After,
                                       backward ? page.boundaries.first() : page.boundaries.last(), as);
    }
    if (page.error.isError())
        ids << QStringLiteral("<error: %1>").arg(page.error.toString());
    return ids;
}

QStringList serverOrder(TestDatabase &db, const QString &sql)
{
    auto c = db.connect();
    const PgResult r = c->exec(sql);
    QStringList ids;
    for (int i = 0; i < r.rowCount(); ++i)
        ids << r.value(i, 0);
    return ids;
}

}  // namespace

class TestTableBrowser : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void walksInKeyOrderBothWays();
    void walksSortedWithNullsBothWays_data();
    void walksSortedWithNullsBothWays();
    void matchesFilterValuesLiterally_data();
    void matchesFilterValuesLiterally();
    void browsesATableWithoutAKey();
    void keepsValuesExact();
    void describesTheStructure();
    void viewsAsSupabaseRoles();
    void exportsCsvThroughCopy();
    void cancelsAnExportAndLeavesNoFile();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<PgConnection> m_c;
    BrowseSpec spec(const QString &sort = QString(), bool descending = false) const
    {
        BrowseSpec s;
        s.relation = QStringLiteral("public.items");
        s.keyColumns = {QStringLiteral("id")};
        s.sortColumn = sort;
        s.descending = descending;
        s.pageSize = 37;  // does not divide the row count: the last page is partial
        return s;
    }
};

void TestTableBrowser::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    m_c = m_db->connect();
    const PgResult r = m_c->exec(QStringLiteral(
        "CREATE TABLE items (id int PRIMARY KEY, label text, amount numeric, doc jsonb, at timestamptz);"
        "INSERT INTO items SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'item ' || (g % 13) END, g * 1.5, "
        "jsonb_build_object('n', g), '2026-01-01 00:00+00'::timestamptz + g * interval '1 hour' FROM generate_series(1, 500) g;"
        "INSERT INTO items VALUES (501, 'x''); DROP TABLE items; --', 0, NULL, NULL), (502, '50% off_sale', 0, NULL, NULL),"
        "(503, '', 0, NULL, NULL), (504, 'O''Brien', 12345678901234567890.123456789, '{\"a\": [1, 2, {\"b\": null}]}', '2026-06-30 23:59:59.123456+00');"
        "CREATE TABLE heap (label text, n int);"
        "INSERT INTO heap SELECT 'row ' || g, g % 10 FROM generate_series(1, 300) g;"
        "INSERT INTO heap SELECT label, n FROM heap WHERE n = 3;"));  // duplicates: no column is unique
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

void TestTableBrowser::walksInKeyOrderBothWays()
{
    const QStringList expected = serverOrder(*m_db, "SELECT id FROM items ORDER BY id");
    QCOMPARE(walk(*m_c, spec(), false), expected);
    QCOMPARE(walk(*m_c, spec(), true), expected);
    BrowseSpec descending = spec();
    descending.descending = true;  // key order, newest first
    QStringList reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(walk(*m_c, descending, false), reversed);
}

void TestTableBrowser::walksSortedWithNullsBothWays_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("descending");
    QTest::newRow("label asc") << "label" << false;
    QTest::newRow("label desc") << "label" << true;
    QTest::newRow("amount asc") << "amount" << false;
    QTest::newRow("doc desc") << "doc" << true;
    QTest::newRow("amount desc, filtered") << "amount" << true;
}

void TestTableBrowser::walksSortedWithNullsBothWays()
{
    QFETCH(QString, column);
    QFETCH(bool, descending);
    const QString order = descending ? QStringLiteral("%1 DESC NULLS FIRST, id DESC") : QStringLiteral("%1 ASC NULLS LAST, id ASC");
    const bool filtered = QString(QTest::currentDataTag()).endsWith(QLatin1String("filtered"));
    BrowseSpec s = spec(column, descending);
    if (filtered)  // sort and filter together: amounts of the labelled items only
        s.filters = {BrowseFilter{QStringLiteral("label"), QStringLiteral("contains"), QStringLiteral("item 1")}};
    const QStringList expected = serverOrder(*m_db, QStringLiteral("SELECT id FROM items %1ORDER BY ")
                                                        .arg(filtered ? QStringLiteral("WHERE label ILIKE '%item 1%' ") : QString())
                                                    + order.arg(column));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(walk(*m_c, s, false), expected);
    QCOMPARE(walk(*m_c, s, true), expected);
}

void TestTableBrowser::matchesFilterValuesLiterally_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("injection") << "=" << "x'); DROP TABLE items; --" << QStringList{"501"};
    QTest::newRow("quote") << "=" << "O'Brien" << QStringList{"504"};
    QTest::newRow("percent is literal") << "contains" << "50%" << QStringList{"502"};
    QTest::newRow("underscore is literal") << "contains" << "f_s" << QStringList{"502"};
    QTest::newRow("empty string is not null") << "=" << "" << QStringList{"503"};
    QTest::newRow("contains injection") << "contains" << "'); DROP" << QStringList{"501"};
}

void TestTableBrowser::matchesFilterValuesLiterally()
{
    QFETCH(QString, op);
    QFETCH(QString, value);
    QFETCH(QStringList, ids);
    BrowseSpec s = spec();
    s.filters = {BrowseFilter{QStringLiteral("label"), op, value}};
    QCOMPARE(walk(*m_c, s, false), ids);
    QCOMPARE(m_db->scalar("SELECT count(*) FROM items"), QStringLiteral("504"));
    DbError error;
    QCOMPARE(TableBrowser::count(*m_c, s, {}, &error), qint64(ids.size()));
}

void TestTableBrowser::browsesATableWithoutAKey()
{
    RelationStructure structure;
    QVERIFY(RelationCatalog::describe(*m_c, "public", "heap", &structure).ok());
    QVERIFY(structure.keyColumns.isEmpty());
    BrowseSpec s;
    s.relation = QStringLiteral("public.heap");
    s.pageSize = 41;
    // Every row exactly once, by physical row id, forward and backward.
    QStringList forward = walk(*m_c, s, false);
    QCOMPARE(forward.size(), 330);
    QStringList backward = walk(*m_c, s, true);
    QCOMPARE(backward, forward);
    forward.sort();
    QStringList all = serverOrder(*m_db, "SELECT label FROM heap");
    all.sort();
    QCOMPARE(forward, all);
}

void TestTableBrowser::keepsValuesExact()
{
    BrowseSpec s = spec();
    s.filters = {BrowseFilter{QStringLiteral("id"), QStringLiteral(">="), QStringLiteral("503")}};
    const BrowsePage page = TableBrowser::fetchPage(*m_c, s, PageAnchor::First, {}, {});
    QVERIFY(!page.error.isError());
    QCOMPARE(page.columns, (QStringList{"id", "label", "amount", "doc", "at"}));
    QCOMPARE(page.rows.size(), 2);
    QVERIFY(!page.rows.at(0).at(1).isNull());  // '' is not NULL
    QVERIFY(page.rows.at(0).at(1).isEmpty());
    QVERIFY(page.rows.at(0).at(3).isNull());   // NULL is NULL
    QCOMPARE(page.rows.at(1).at(2), QStringLiteral("12345678901234567890.123456789"));  // numeric, never a double
    QCOMPARE(page.rows.at(1).at(3), QStringLiteral("{\"a\": [1, 2, {\"b\": null}]}"));
    QVERIFY2(page.rows.at(1).at(4).startsWith(QLatin1String("2026-06-30 23:59:59.123456")), qPrintable(page.rows.at(1).at(4)));
}

void TestTableBrowser::describesTheStructure()
{
    TestDatabase db;
    auto c = db.connect();
    RunnerOptions options;
    options.transactionPooled = TestDatabase::pooled();
    MigrationRunner runner(*c, options);
    QVERIFY(runner.apply(scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).migrations.first()).ok);
    RelationStructure s;
    const PgResult r = RelationCatalog::describe(*c, "public", "daily_usage", &s);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(s.keyColumns, QStringList{"id"});
    QVERIFY(s.rowSecurity);
    QVERIFY(s.constraints.join('\n').contains("daily_usage_user_id_date_key: UNIQUE (user_id, date)"));
    QVERIFY(s.indexes.join('\n').contains("USING btree (user_id, date)"));
    QVERIFY2(s.policies.join('\n').contains("daily_usage_select_own (SELECT, PERMISSIVE, to authenticated) USING"),
             qPrintable(s.policies.join('\n')));
    QVERIFY(s.triggers.join('\n').contains("BEFORE UPDATE ON public.daily_usage"));
    QVERIFY(s.grants.join('\n').contains("authenticated:"));
    QCOMPARE(s.columns.at(7).name, QStringLiteral("tier"));
    QCOMPARE(s.columns.at(7).defaultValue, QStringLiteral("'free'::text"));
    QVERIFY(!s.size.isEmpty());
}

void TestTableBrowser::viewsAsSupabaseRoles()
{
    TestDatabase db;
    auto c = db.connect();
    RunnerOptions options;
    options.transactionPooled = TestDatabase::pooled();
    MigrationRunner runner(*c, options);
    QVERIFY(runner.apply(scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).migrations.first()).ok);
    const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(c->execParams("INSERT INTO auth.users (id, email) VALUES ($1, 'a@example.com'), ($2, 'b@example.com')", {a, b}).ok());
    QVERIFY(c->execParams("INSERT INTO daily_usage (user_id, date) SELECT $1::uuid, d::date FROM generate_series(now() - interval '9 days', now(), interval '1 day') d", {a}).ok());
    QVERIFY(c->execParams("INSERT INTO daily_usage (user_id, date) SELECT $1::uuid, d::date FROM generate_series(now() - interval '4 days', now(), interval '1 day') d", {b}).ok());
    BrowseSpec s;
    s.relation = QStringLiteral("public.daily_usage");
    s.keyColumns = {QStringLiteral("id")};
    s.pageSize = 4;
    const int userColumn = 1;

    ViewAs asA;
    asA.mode = ViewAs::Mode::Authenticated;
    asA.userId = a;
    DbError error;
    QCOMPARE(TableBrowser::count(*c, s, asA, &error), qint64(10));
    QCOMPARE(TableBrowser::count(*c, s, {}, &error), qint64(15));
    BrowsePage page = TableBrowser::fetchPage(*c, s, PageAnchor::First, {}, asA);
    int seen = 0;
    while (!page.rows.isEmpty()) {
        for (const QStringList &row : page.rows) {
            QCOMPARE(row.at(userColumn), a);
            ++seen;
        }
        page = TableBrowser::fetchPage(*c, s, PageAnchor::After, page.boundaries.last(), asA);
    }
    QCOMPARE(seen, 10);

    ViewAs anon;
    anon.mode = ViewAs::Mode::Anon;
    const qint64 anonCount = TableBrowser::count(*c, s, anon, &error);
    // anon has no grant on daily_usage: it sees nothing (permission denied, not a row).
    QVERIFY(anonCount == 0 || (anonCount == -1 && error.sqlState == QLatin1String("42501")));

    ViewAs service;
    service.mode = ViewAs::Mode::ServiceRole;
    QCOMPARE(TableBrowser::count(*c, s, service, &error), qint64(15));
    // Browsing never writes: the transaction is read only even for the owner.
    QVERIFY(!c->inTransaction());
}

void TestTableBrowser::exportsCsvThroughCopy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("items.csv");
    BrowseSpec s = spec();
    s.filters = {BrowseFilter{QStringLiteral("label"), QStringLiteral("="), QStringLiteral("x'); DROP TABLE items; --")}};
    qint64 rows = 0;
    QString error;
    QVERIFY2(CsvExport::toFile(*m_c, s, {}, path, {}, &rows, &error), qPrintable(error));
    QCOMPARE(rows, qint64(1));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("id,label,amount,doc,at\n501,x'); DROP TABLE items; --,0,,\n"));
    QCOMPARE(m_db->scalar("SELECT count(*) FROM items"), QStringLiteral("504"));
    // All rows, in key order.
    s.filters.clear();
    QVERIFY(CsvExport::toFile(*m_c, s, {}, path, {}, &rows, &error));
    QCOMPARE(rows, qint64(504));
}

void TestTableBrowser::cancelsAnExportAndLeavesNoFile()
{
    QVERIFY(m_c->exec("CREATE TABLE wide AS SELECT g AS id, repeat('x', 60) AS filler FROM generate_series(1, 300000) g;"
                      "ALTER TABLE wide ADD PRIMARY KEY (id)").ok());
    QTemporaryDir dir;
    const QString path = dir.filePath("wide.csv");
    BrowseSpec s;
    s.relation = QStringLiteral("public.wide");
    s.keyColumns = {QStringLiteral("id")};
    qint64 rows = 0;
    QString error;
    int reports = 0;
    PgConnection *c = m_c.get();
    const bool ok = CsvExport::toFile(*c, s, {}, path, [&reports, c](qint64, qint64) {
        if (++reports == 1)
            c->cancel();  // as the Cancel button does, after the first megabyte
    }, &rows, &error);
    QVERIFY(!ok);
    QVERIFY2(error.contains("57014"), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());  // nor a temporary file
    // Over an earlier export: cancelled, the earlier file stays as it was.
    {
        QFile earlier(path);
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.write("id,filler\n");
    }
    reports = 0;
    QVERIFY(!CsvExport::toFile(*c, s, {}, path, [&reports, c](qint64, qint64) {
        if (++reports == 1)
            c->cancel();
    }, &rows, &error));
    QFile earlier(path);
    QVERIFY(earlier.open(QIODevice::ReadOnly));
    QCOMPARE(earlier.readAll(), QByteArray("id,filler\n"));
    QVERIFY(!m_c->inTransaction());
    QVERIFY(m_c->exec("SELECT 1").ok());
}

QTEST_GUILESS_MAIN(TestTableBrowser)
#include "tst_tablebrowser.moc"
