#include "support/TestDatabase.h"

#include "core/browse/ViewAs.h"
#include "core/catalog/MigrationCatalog.h"
#include "db/sqleditor/SqlEditorWorker.h"
#include "db/workers/WorkerCall.h"

#include <QSignalSpy>

// The SQL editor's worker against a real server: rows through a scrollable cursor a page at a
// time, read-only enforced by the server, meta-commands from the catalog, EXPLAIN ANALYZE rolled
// back, cancel, and the user's own transaction.
class TestSqlEditorWorker : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void readsRowsPageByPage();
    void readOnlyIsTheServersRefusal();
    void writesWhenAllowed();
    void answersMetaCommands();
    void explainAnalyzeChangesNothing();
    void cancelsARunningStatement();
    void runsInTheUsersTransaction();
    void viewsAsAnApiRole();

private:
    QueryResult run(const QString &sql, RunSettings settings = RunSettings());
    QueryResult next(QSignalSpy &spy);

    std::unique_ptr<TestDatabase> m_db;
    SqlEditorWorker *m_worker = nullptr;
    quint64 m_ticket = 1;
};

void TestSqlEditorWorker::init()
{
    m_db = std::make_unique<TestDatabase>();
    {
        auto engine = m_db->connect();
        MigrationRunner runner(*engine, TestDatabase::runnerOptions());
        QVERIFY(runner.apply(*scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).find("20250918")).ok);
    }
    m_worker = SqlEditorWorker::startOnOwnThread();
    QSignalSpy opened(m_worker, &SqlEditorWorker::opened);
    postTo(m_worker, [c = m_db->conninfo()](SqlEditorWorker &w) { w.openConnection(c); });
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 10000);  // not wait(): the answer may come before it
    QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
}

void TestSqlEditorWorker::cleanup()
{
    m_worker->stop();
    m_db.reset();
}

QueryResult TestSqlEditorWorker::next(QSignalSpy &spy)
{
    if (!QTest::qWaitFor([&spy] { return !spy.isEmpty(); }, 20000))
        return QueryResult();
    return spy.isEmpty() ? QueryResult() : spy.takeFirst().at(0).value<QueryResult>();
}

QueryResult TestSqlEditorWorker::run(const QString &sql, RunSettings settings)
{
    QSignalSpy spy(m_worker, &SqlEditorWorker::resultReady);
    const quint64 ticket = m_ticket++;
    postTo(m_worker, [=](SqlEditorWorker &w) { w.run(ticket, sql, 1, 1, settings); });
    return next(spy);
}

void TestSqlEditorWorker::readsRowsPageByPage()
{
    RunSettings settings;
    settings.pageSize = 500;
    const QueryResult first = run(QStringLiteral("SELECT g, g::numeric / 3 AS third, '{\"a\":1}'::jsonb AS j FROM generate_series(1, 1200) g"), settings);
    QVERIFY2(first.ok(), qPrintable(first.error.toString()));
    QCOMPARE(first.columns, (QStringList{"g", "third", "j"}));
    QCOMPARE(first.types, (QStringList{"integer", "numeric", "jsonb"}));
    QCOMPARE(first.rows.size(), 500);
    QVERIFY(first.more);
    QCOMPARE(first.rows.at(0).at(1), QStringLiteral("0.33333333333333333333"));  // numeric exactly as the server wrote it
    QSignalSpy spy(m_worker, &SqlEditorWorker::resultReady);
    const quint64 ticket = first.ticket;
    postTo(m_worker, [ticket](SqlEditorWorker &w) { w.fetchMore(ticket, 1000, 500); });
    const QueryResult last = next(spy);
    QVERIFY2(last.ok(), qPrintable(last.error.toString()));
    QCOMPARE(last.offset, 1000);
    QCOMPARE(last.rows.size(), 200);
    QCOMPARE(last.rows.first().first(), QStringLiteral("1001"));
    QVERIFY(!last.more);
    // A page read before, read again (the grid dropped it from memory).
    postTo(m_worker, [ticket](SqlEditorWorker &w) { w.fetchMore(ticket, 0, 500); });
    const QueryResult again = next(spy);
    QCOMPARE(again.rows.first().first(), QStringLiteral("1"));
    // The cursor's transaction is what keeps it: the next run ends it.
    QCOMPARE(m_db->scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'atlas-console-sql' AND state = 'idle in transaction' AND datname = current_database()"),
             QStringLiteral("1"));
    QVERIFY(run(QStringLiteral("SELECT 1")).ok());
    QCOMPARE(m_db->scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'atlas-console-sql' AND state = 'idle in transaction' AND datname = current_database()"),
             QStringLiteral("0"));
    spy.clear();
    postTo(m_worker, [ticket](SqlEditorWorker &w) { w.fetchMore(ticket, 500, 500); });
    QVERIFY(next(spy).error.message.contains("no longer open"));
}

void TestSqlEditorWorker::readOnlyIsTheServersRefusal()
{
    RunSettings readOnly;
    readOnly.readOnly = true;
    const QueryResult refused = run(QStringLiteral("UPDATE public.daily_usage SET message_count = 0 WHERE true"), readOnly);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.sqlState, QStringLiteral("25006"));  // read_only_sql_transaction: the server said no
    const QueryResult vacuum = run(QStringLiteral("VACUUM public.daily_usage"), readOnly);
    QVERIFY(vacuum.error.message.contains("this editor is read-only"));
    QVERIFY(run(QStringLiteral("SELECT count(*) FROM public.daily_usage"), readOnly).ok());
}

void TestSqlEditorWorker::writesWhenAllowed()
{
    RunSettings writable;
    writable.readOnly = false;
    const QueryResult created = run(QStringLiteral("CREATE TABLE public.notes (id bigint PRIMARY KEY)"), writable);
    QVERIFY2(created.ok(), qPrintable(created.error.toString()));
    const QueryResult inserted = run(QStringLiteral("INSERT INTO public.notes SELECT generate_series(1, 3)"), writable);
    QCOMPARE(inserted.commandTag, QStringLiteral("INSERT 0 3"));
    QCOMPARE(inserted.affectedRows, 3);
    QCOMPARE(m_db->scalar("SELECT count(*) FROM public.notes"), QStringLiteral("3"));  // committed
    const QueryResult vacuum = run(QStringLiteral("VACUUM public.notes"), writable);  // runs bare, outside a transaction
    QVERIFY2(vacuum.ok(), qPrintable(vacuum.error.toString()));
    const QueryResult typo = run(QStringLiteral("SELECT * FROM public.notes WHERE idd = 1"), writable);
    QCOMPARE(typo.error.sqlState, QStringLiteral("42703"));
    QCOMPARE(typo.error.position, 34);  // into the statement as written, not the cursor around it
}

void TestSqlEditorWorker::answersMetaCommands()
{
    QSignalSpy spy(m_worker, &SqlEditorWorker::resultReady);
    MetaCommand describe;
    QString error;
    QVERIFY(parseMetaCommand(QStringLiteral("\\d daily_usage"), &describe, &error));
    postTo(m_worker, [describe](SqlEditorWorker &w) { w.meta(7, describe, RunSettings()); });
    const QueryResult columns = next(spy);
    QVERIFY2(columns.ok(), qPrintable(columns.error.toString()));
    QCOMPARE(columns.columns.mid(1, 2), (QStringList{"Column", "Type"}));
    QStringList names;
    for (const QStringList &row : columns.rows)
        names << row.at(1);
    QVERIFY2(names.contains("tier") && names.contains("user_id"), qPrintable(names.join(',')));
    const QueryResult extras = next(spy);
    QString kinds;
    for (const QStringList &row : extras.rows)
        kinds += row.at(1) + ':' + row.at(2) + ' ';
    QVERIFY2(kinds.contains("row level security:enabled") && kinds.contains("policy:") && kinds.contains("index:"), qPrintable(kinds));

    MetaCommand missing;
    QVERIFY(parseMetaCommand(QStringLiteral("\\d no_such_table"), &missing, &error));
    postTo(m_worker, [missing](SqlEditorWorker &w) { w.meta(8, missing, RunSettings()); });
    QVERIFY(next(spy).error.message.contains("did not find any relation named \"no_such_table\""));

    for (const char *line : {"\\dt", "\\dn", "\\df", "\\du", "\\dp"}) {
        MetaCommand command;
        QVERIFY(parseMetaCommand(QLatin1String(line), &command, &error));
        postTo(m_worker, [command](SqlEditorWorker &w) { w.meta(9, command, RunSettings()); });
        const QueryResult listed = next(spy);
        QVERIFY2(listed.ok(), qPrintable(QLatin1String(line) + listed.error.toString()));
        QVERIFY2(!listed.rows.isEmpty(), line);
    }
}

void TestSqlEditorWorker::explainAnalyzeChangesNothing()
{
    QSignalSpy spy(m_worker, &SqlEditorWorker::explained);
    RunSettings writable;
    writable.readOnly = false;
    QVERIFY(run(QStringLiteral("CREATE TABLE public.notes AS SELECT 1 AS id"), writable).ok());
    postTo(m_worker, [writable](SqlEditorWorker &w) { w.explain(3, QStringLiteral("DELETE FROM public.notes"), true, writable); });
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 10000);
    QVERIFY2(!spy.first().at(2).value<DbError>().isError(), qPrintable(spy.first().at(2).value<DbError>().toString()));
    QVERIFY(spy.first().at(1).toString().contains("\"Actual Rows\": 1"));
    QCOMPARE(m_db->scalar("SELECT count(*) FROM public.notes"), QStringLiteral("1"));  // rolled back
}

void TestSqlEditorWorker::cancelsARunningStatement()
{
    QSignalSpy spy(m_worker, &SqlEditorWorker::resultReady);
    postTo(m_worker, [](SqlEditorWorker &w) { w.run(5, QStringLiteral("SELECT pg_sleep(30)"), 1, 1, RunSettings()); });
    QTest::qWait(300);
    m_worker->cancel();  // from this thread, as the GUI does
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000);
    const QueryResult result = spy.first().at(0).value<QueryResult>();
    QVERIFY2(result.cancelled, qPrintable(result.error.toString()));
    QVERIFY(result.durationMs < 5000);
    QVERIFY(run(QStringLiteral("SELECT 1")).ok());  // the connection is usable again
}

void TestSqlEditorWorker::runsInTheUsersTransaction()
{
    QSignalSpy changed(m_worker, &SqlEditorWorker::transactionChanged);
    RunSettings writable;
    writable.readOnly = false;
    postTo(m_worker, [writable](SqlEditorWorker &w) { w.begin(writable); });
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
    QCOMPARE(changed.takeFirst().at(0).toBool(), true);
    QVERIFY(run(QStringLiteral("CREATE TABLE public.scratch (id int)"), writable).ok());
    QVERIFY(run(QStringLiteral("VACUUM public.scratch"), writable).error.message.contains("cannot run inside the open transaction"));
    postTo(m_worker, [](SqlEditorWorker &w) { w.rollback(); });
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
    QCOMPARE(changed.takeFirst().at(0).toBool(), false);
    QCOMPARE(m_db->scalar("SELECT to_regclass('public.scratch') IS NULL"), QStringLiteral("t"));
}

void TestSqlEditorWorker::viewsAsAnApiRole()
{
    // A signed-in user sees their own usage rows only: row level security as the API applies it.
    QVERIFY(m_db->connect()->exec(QStringLiteral(
        "INSERT INTO auth.users (id, email) VALUES ('00000000-0000-0000-0000-00000000000a', 'a@example.com'), "
        "('00000000-0000-0000-0000-00000000000b', 'b@example.com');"
        "INSERT INTO public.daily_usage (user_id, date) VALUES ('00000000-0000-0000-0000-00000000000a', current_date), "
        "('00000000-0000-0000-0000-00000000000b', current_date)")).ok());
    QCOMPARE(run(QStringLiteral("SELECT count(*) FROM public.daily_usage")).rows.first().first(), QStringLiteral("2"));
    RunSettings asUser;
    ViewAs viewAs;
    viewAs.mode = ViewAs::Mode::Authenticated;
    viewAs.userId = QStringLiteral("00000000-0000-0000-0000-00000000000a");
    asUser.role = viewAs.role();
    asUser.claims = viewAs.claims();
    const QueryResult mine = run(QStringLiteral("SELECT current_user, count(*) FROM public.daily_usage GROUP BY 1"), asUser);
    QVERIFY2(mine.ok(), qPrintable(mine.error.toString()));
    QCOMPARE(mine.rows.first(), (QStringList{"authenticated", "1"}));
    RunSettings asAnon;
    asAnon.role = QStringLiteral("anon");
    const QueryResult anon = run(QStringLiteral("SELECT count(*) FROM public.daily_usage"), asAnon);
    QVERIFY(!anon.ok() || anon.rows.first().first() == QLatin1String("0"));  // no grant, or no rows
    // The role ends with its transaction: the next run is the connection's own again.
    QCOMPARE(run(QStringLiteral("SELECT current_user = session_user")).rows.first().first(), QStringLiteral("t"));
}

QTEST_GUILESS_MAIN(TestSqlEditorWorker)
#include "tst_sqleditorworker.moc"
