#include "core/sql/SupabaseSplitter.h"
#include "core/sql/SqlScript.h"
#include "core/sql/StatementFingerprint.h"

#include <QtTest>

class TestSqlScript : public QObject {
    Q_OBJECT
private slots:
    void splitsWithPositions();
    void reportsSyntaxErrors_data();
    void reportsSyntaxErrors();
    void classifiesTransactional_data();
    void classifiesTransactional();
    void classifiesRisk_data();
    void classifiesRisk();
    void previewsLocks_data();
    void previewsLocks();
    void fingerprintsIgnoreConstantsAndSpacing();
};

void TestSqlScript::splitsWithPositions()
{
    const SqlScript script = parseSqlScript(QStringLiteral(
        "-- usage tables\nCREATE TABLE a (id int);\n\n  /* two */ INSERT INTO a VALUES (1);\nSELECT 'é;'"));
    QVERIFY(script.isValid());
    QCOMPARE(script.statements.size(), 3);
    QCOMPARE(script.statements[0].text, QStringLiteral("CREATE TABLE a (id int)"));
    QCOMPARE(script.statements[0].line, 2);
    QCOMPARE(script.statements[0].column, 1);
    QCOMPARE(script.statements[0].kind, QStringLiteral("CREATE TABLE"));
    QCOMPARE(script.statements[1].text, QStringLiteral("INSERT INTO a VALUES (1)"));
    QCOMPARE(script.statements[1].line, 4);
    QCOMPARE(script.statements[1].column, 13);
    QCOMPARE(script.statements[2].text, QStringLiteral("SELECT 'é;'"));
    QCOMPARE(script.statements[2].line, 5);
}

void TestSqlScript::reportsSyntaxErrors_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("typo") << "CREATE TABEL x (id int);" << 1 << 8 << "syntax error at or near \"TABEL\"";
    QTest::newRow("second line") << "SELECT 1;\nSELEC 2;" << 2 << 1 << "syntax error at or near \"SELEC\"";
    QTest::newRow("after multibyte") << "SELECT 'é' FROM;" << 1 << 16 << "syntax error at or near \";\"";
    QTest::newRow("unterminated string") << "SELECT 'abc;\n" << 1 << 8 << "unterminated quoted string at or near \"'abc;\n\"";
    QTest::newRow("unterminated comment") << "SELECT 1; /* never closed" << 1 << 11 << "unterminated /* comment at or near \"/* never closed\"";
    QTest::newRow("unterminated dollar") << "DO $$ BEGIN" << 1 << 4 << "unterminated dollar-quoted string at or near \"$$ BEGIN\"";
    QTest::newRow("missing paren") << "CREATE TABLE x (id int;" << 1 << 23 << "syntax error at or near \";\"";
    QTest::newRow("trailing comma") << "CREATE TABLE x (id int,\n);" << 2 << 1 << "syntax error at or near \")\"";
    QTest::newRow("psql meta command") << "\\set x 1\nSELECT 1;" << 1 << 1 << "syntax error at or near \"\\\"";
    QTest::newRow("after astral") << "SELECT '😀😀' FRM x;" << 1 << 17 << "syntax error at or near \"x\"";
    QTest::newRow("deep line") << "SELECT 1;\n\n\n\nCREATE INDEX ON;" << 5 << 16 << "syntax error at or near \";\"";
}

void TestSqlScript::reportsSyntaxErrors()
{
    QFETCH(QString, sql);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const SqlScript script = parseSqlScript(sql);
    QVERIFY(!script.isValid());
    QCOMPARE(script.syntaxError->message, message);
    QCOMPARE(script.syntaxError->line, line);
    QCOMPARE(script.syntaxError->column, column);
    QVERIFY(script.statements.isEmpty());
}

void TestSqlScript::classifiesTransactional_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("transactional");
    QTest::addColumn<QString>("reason");
    QTest::newRow("create table") << "CREATE TABLE t (a int)" << true << "";
    QTest::newRow("index concurrently") << "CREATE INDEX CONCURRENTLY i ON t (a)" << false << "CREATE INDEX CONCURRENTLY";
    QTest::newRow("drop index concurrently") << "DROP INDEX CONCURRENTLY i" << false << "DROP INDEX CONCURRENTLY";
    QTest::newRow("reindex concurrently") << "REINDEX (CONCURRENTLY) TABLE t" << false << "REINDEX CONCURRENTLY";
    QTest::newRow("vacuum") << "VACUUM t" << false << "VACUUM cannot run";
    QTest::newRow("analyze") << "ANALYZE t" << true << "";
    QTest::newRow("create database") << "CREATE DATABASE d" << false << "CREATE DATABASE";
    QTest::newRow("drop database") << "DROP DATABASE d" << false << "DROP DATABASE";
    QTest::newRow("alter system") << "ALTER SYSTEM SET work_mem = '1MB'" << false << "ALTER SYSTEM";
    QTest::newRow("begin") << "BEGIN" << false << "remove BEGIN/COMMIT";
    QTest::newRow("commit") << "COMMIT" << false << "remove BEGIN/COMMIT";
}

void TestSqlScript::classifiesTransactional()
{
    QFETCH(QString, sql);
    QFETCH(bool, transactional);
    QFETCH(QString, reason);
    const SqlScript script = parseSqlScript(sql);
    QVERIFY(script.isValid());
    QCOMPARE(script.statements.first().transactional, transactional);
    QVERIFY2(script.statements.first().nonTransactionalReason.contains(reason),
             qPrintable(script.statements.first().nonTransactionalReason));
    QCOMPARE(script.hasNonTransactional(), !transactional);
}

void TestSqlScript::classifiesRisk_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("reason");
    QTest::newRow("drop table") << "DROP TABLE public.daily_usage" << "destructive" << "drops table public.daily_usage";
    QTest::newRow("drop cascade") << "DROP TABLE t CASCADE" << "destructive" << "by CASCADE";
    QTest::newRow("drop schema") << "DROP SCHEMA s" << "destructive" << "drops schema s";
    QTest::newRow("drop function") << "DROP FUNCTION public.cleanup_expired_cache()" << "destructive"
                                   << "drops function public.cleanup_expired_cache";
    QTest::newRow("drop type") << "DROP TYPE tier" << "destructive" << "drops type tier";
    QTest::newRow("drop policy") << "DROP POLICY p ON t" << "destructive" << "drops policy t.p";
    QTest::newRow("drop column") << "ALTER TABLE t DROP COLUMN c" << "destructive" << "drops column t.c";
    QTest::newRow("truncate") << "TRUNCATE a, b" << "destructive" << "TRUNCATE removes every row of a, b";
    QTest::newRow("delete all") << "DELETE FROM t" << "destructive" << "DELETE without WHERE";
    QTest::newRow("delete some") << "DELETE FROM t WHERE id = 1" << "none" << "";
    QTest::newRow("update all") << "UPDATE t SET a = 1" << "destructive" << "UPDATE without WHERE";
    QTest::newRow("update some") << "UPDATE t SET a = 1 WHERE a = 2" << "none" << "";
    QTest::newRow("alter type") << "ALTER TABLE t ALTER COLUMN c TYPE bigint" << "destructive" << "changes the type of t.c";
    QTest::newRow("disable rls") << "ALTER TABLE t DISABLE ROW LEVEL SECURITY" << "destructive" << "disables row level security on t";
    QTest::newRow("grant anon") << "GRANT SELECT ON t TO anon" << "caution" << "grants SELECT on t to anon";
    QTest::newRow("grant public") << "GRANT ALL ON TABLE t TO PUBLIC" << "caution" << "to PUBLIC";
    QTest::newRow("grant service") << "GRANT SELECT ON t TO service_role" << "none" << "";
    QTest::newRow("set not null") << "ALTER TABLE t ALTER COLUMN c SET NOT NULL" << "caution" << "scans the whole table";
    QTest::newRow("add check") << "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)" << "caution" << "NOT VALID";
    QTest::newRow("add check not valid") << "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID" << "none" << "";
    QTest::newRow("add column") << "ALTER TABLE t ADD COLUMN c int" << "caution" << "ACCESS EXCLUSIVE lock on t";
    QTest::newRow("enable rls") << "ALTER TABLE t ENABLE ROW LEVEL SECURITY" << "none" << "";
    QTest::newRow("index existing") << "CREATE INDEX i ON t (a)" << "caution" << "CONCURRENTLY";
    QTest::newRow("fresh table") << "CREATE TABLE t (a int); CREATE INDEX i ON t (a); ALTER TABLE t ADD COLUMN b int"
                                 << "none" << "";
    QTest::newRow("rename column") << "ALTER TABLE t RENAME COLUMN a TO b" << "caution" << "renames t.a to b";
}

void TestSqlScript::classifiesRisk()
{
    QFETCH(QString, sql);
    QFETCH(QString, level);
    QFETCH(QString, reason);
    const SqlScript script = parseSqlScript(sql);
    QVERIFY(script.isValid());
    QCOMPARE(riskLevelName(script.riskLevel()), level);
    QStringList reasons;
    for (const SqlStatement &s : script.statements)
        for (const StatementRisk &r : s.risks)
            reasons << r.reason;
    QVERIFY2(reason.isEmpty() ? reasons.isEmpty() : reasons.join('\n').contains(reason), qPrintable(reasons.join('\n')));
}

void TestSqlScript::previewsLocks_data()
{
    // One line per lock: relation, mode, then "rewrites" and "scans" when it does, then the safer
    // form offered, by its key word (see saferKey()), or "new" for a table the file creates.
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("locks");
    QTest::newRow("index") << "CREATE INDEX i ON t (a)" << "t SHARE scans safer=CONCURRENTLY";
    QTest::newRow("unique index") << "CREATE UNIQUE INDEX i ON t (a)" << "t SHARE scans safer=CONCURRENTLY";
    QTest::newRow("index concurrently") << "CREATE INDEX CONCURRENTLY i ON t (a)" << "t SHARE UPDATE EXCLUSIVE scans";
    QTest::newRow("add column") << "ALTER TABLE t ADD COLUMN c int" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("add column constant default") << "ALTER TABLE t ADD COLUMN c int DEFAULT 0" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("add column volatile default") << "ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()"
                                                 << "t ACCESS EXCLUSIVE rewrites safer=backfill";
    QTest::newRow("not null without default") << "ALTER TABLE t ADD COLUMN c int NOT NULL"
                                              << "t ACCESS EXCLUSIVE safer=nullable";
    QTest::newRow("type change") << "ALTER TABLE t ALTER COLUMN c TYPE bigint" << "t ACCESS EXCLUSIVE rewrites scans safer=backfill";
    QTest::newRow("set not null") << "ALTER TABLE t ALTER COLUMN c SET NOT NULL" << "t ACCESS EXCLUSIVE scans safer=NOT VALID";
    QTest::newRow("set default") << "ALTER TABLE t ALTER COLUMN c SET DEFAULT 1" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("drop column") << "ALTER TABLE t DROP COLUMN c" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("enable rls") << "ALTER TABLE t ENABLE ROW LEVEL SECURITY" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("foreign key") << "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)"
                                 << "t SHARE ROW EXCLUSIVE scans safer=NOT VALID\nu SHARE ROW EXCLUSIVE";
    QTest::newRow("foreign key not valid") << "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID"
                                           << "t SHARE ROW EXCLUSIVE\nu SHARE ROW EXCLUSIVE";
    QTest::newRow("check") << "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)" << "t ACCESS EXCLUSIVE scans safer=NOT VALID";
    QTest::newRow("check not valid") << "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("validate") << "ALTER TABLE t VALIDATE CONSTRAINT f" << "t SHARE UPDATE EXCLUSIVE scans";
    QTest::newRow("unique") << "ALTER TABLE t ADD CONSTRAINT k UNIQUE (a)" << "t ACCESS EXCLUSIVE scans safer=USING INDEX";
    QTest::newRow("unique using index") << "ALTER TABLE t ADD CONSTRAINT k UNIQUE USING INDEX i" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("policy") << "CREATE POLICY p ON public.t FOR SELECT USING (true)" << "public.t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("trigger") << "CREATE TRIGGER g BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()" << "t SHARE ROW EXCLUSIVE";
    QTest::newRow("drop index") << "DROP INDEX i" << "i ACCESS EXCLUSIVE safer=CONCURRENTLY";
    QTest::newRow("drop table") << "DROP TABLE t" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("truncate") << "TRUNCATE t" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("rename table") << "ALTER TABLE t RENAME TO u" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("rename column") << "ALTER TABLE t RENAME COLUMN a TO b" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("set tablespace") << "ALTER TABLE t SET TABLESPACE fast" << "t ACCESS EXCLUSIVE rewrites safer=pg_repack";
    QTest::newRow("reindex") << "REINDEX TABLE t" << "t SHARE rewrites scans safer=CONCURRENTLY";
    QTest::newRow("reindex concurrently") << "REINDEX INDEX CONCURRENTLY i" << "i SHARE UPDATE EXCLUSIVE scans";
    QTest::newRow("cluster") << "CLUSTER t USING i" << "t ACCESS EXCLUSIVE rewrites scans safer=pg_repack";
    QTest::newRow("refresh") << "REFRESH MATERIALIZED VIEW m" << "m ACCESS EXCLUSIVE rewrites scans safer=CONCURRENTLY";
    QTest::newRow("refresh concurrently") << "REFRESH MATERIALIZED VIEW CONCURRENTLY m" << "m EXCLUSIVE rewrites scans";
    QTest::newRow("lock share") << "LOCK TABLE t IN SHARE MODE" << "t SHARE";
    QTest::newRow("lock default") << "LOCK t" << "t ACCESS EXCLUSIVE safer=lock_timeout";
    QTest::newRow("update all") << "UPDATE t SET a = 1" << "t ROW EXCLUSIVE scans safer=batches";
    QTest::newRow("update some") << "UPDATE t SET a = 1 WHERE id = 2" << "t ROW EXCLUSIVE";
    QTest::newRow("vacuum full") << "VACUUM FULL t" << "t ACCESS EXCLUSIVE rewrites scans";
    QTest::newRow("new table: nobody waits") << "CREATE TABLE n (a int REFERENCES auth.users (id)); CREATE INDEX ON n (a)"
                                              << "auth.users SHARE ROW EXCLUSIVE\nn SHARE scans new";
}

// The safer form's key word: which of the known remedies is offered.
static QString saferKey(const QString &safer)
{
    for (const char *key : {"USING INDEX", "CONCURRENTLY", "NOT VALID", "nullable", "pg_repack", "backfill", "batches", "lock_timeout"}) {
        if (safer.contains(QLatin1String(key)))
            return QString::fromLatin1(key);
    }
    return safer;  // an unknown remedy fails the comparison with its whole text
}

void TestSqlScript::previewsLocks()
{
    QFETCH(QString, sql);
    QFETCH(QString, locks);
    QStringList seen;
    for (const SqlStatement &s : parseSqlScript(sql).statements) {
        for (const LockEffect &l : s.locks) {
            QStringList parts{l.relation, l.mode};
            if (l.rewrites)
                parts << "rewrites";
            if (l.scans)
                parts << "scans";
            if (!l.saferForm.isEmpty())
                parts << "safer=" + saferKey(l.saferForm);
            if (l.newHere)
                parts << "new";
            seen << parts.join(' ');
        }
    }
    QCOMPARE(seen.join('\n'), locks);
}

void TestSqlScript::fingerprintsIgnoreConstantsAndSpacing()
{
    // The same query with other constants, spacing, comments and keyword case: one fingerprint.
    const QString first = statementFingerprint(QStringLiteral("select * from daily_usage where user_id = 'a' and date > '2025-01-01'"));
    QVERIFY(!first.isEmpty());
    QCOMPARE(statementFingerprint(QStringLiteral("SELECT *\n  FROM daily_usage -- today\n WHERE user_id = 'b' AND date > '2026-12-03'")),
             first);
    // Another shape, another table: another fingerprint; no SQL at all: none.
    QVERIFY(statementFingerprint(QStringLiteral("select user_id from daily_usage where user_id = 'a'")) != first);
    QVERIFY(statementFingerprint(QStringLiteral("select * from usage_limits where user_id = 'a' and date > '2025-01-01'")) != first);
    QVERIFY(statementFingerprint(QStringLiteral("\\d daily_usage")).isEmpty());
}

QTEST_APPLESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
