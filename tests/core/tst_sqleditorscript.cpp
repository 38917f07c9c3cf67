#include "core/sqleditor/EditorScript.h"
#include "core/sqleditor/ExplainPlan.h"
#include "core/sqleditor/MetaCommand.h"

#include <QtTest>

// What the SQL editor runs, read without a database: statements and meta-commands with their
// places, psql's patterns, and EXPLAIN's JSON as a tree.
class TestSqlEditorScript : public QObject {
    Q_OBJECT
private slots:
    void splitsStatementsAndMetaCommands();
    void aBrokenStatementDoesNotHideTheOthers();
    void findsTheStatementAtTheCursor();
    void readsMetaCommands();
    void refusesUnknownMetaCommands();
    void readsAPlan();
    void saysWhenAPlanIsNotJson();
};

void TestSqlEditorScript::splitsStatementsAndMetaCommands()
{
    const QString text = QStringLiteral("SELECT 1;\n-- a comment\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n"
                                        "\\d daily_usage\nSELECT 'é';");
    const QList<EditorUnit> units = splitEditorText(text);
    QCOMPARE(units.size(), 4);
    QCOMPARE(units.at(0).text, QStringLiteral("SELECT 1"));
    QCOMPARE(units.at(1).text.left(15), QStringLiteral("-- a comment\nCR"));
    QVERIFY(units.at(1).text.endsWith(QLatin1String("$$ SELECT 1; $$")));  // the body's ';' does not split
    QCOMPARE(units.at(2).kind, EditorUnit::Kind::Meta);
    QCOMPARE(units.at(2).text, QStringLiteral("\\d daily_usage"));
    QCOMPARE(units.at(2).line, 4);
    QCOMPARE(units.at(3).text, QStringLiteral("SELECT 'é'"));
    QCOMPARE(units.at(3).line, 5);
    QCOMPARE(text.mid(units.at(3).start, 10), QStringLiteral("SELECT 'é'"));
}

void TestSqlEditorScript::aBrokenStatementDoesNotHideTheOthers()
{
    const QList<EditorUnit> units = splitEditorText(QStringLiteral("SELEC 1;\nSELECT 2;"));
    QCOMPARE(units.size(), 2);
    QCOMPARE(units.at(1).text, QStringLiteral("SELECT 2"));
    QCOMPARE(units.at(1).line, 2);
    // An unterminated quote: the rest is one unit, and the server says what is wrong.
    const QList<EditorUnit> open = splitEditorText(QStringLiteral("SELECT 'abc;\nSELECT 2;"));
    QCOMPARE(open.size(), 1);
}

void TestSqlEditorScript::findsTheStatementAtTheCursor()
{
    const QString text = QStringLiteral("SELECT 1;\n\nSELECT 2;\nSELECT 3;");
    const QList<EditorUnit> units = splitEditorText(text);
    QCOMPARE(units.size(), 3);
    QCOMPARE(unitAtCursor(units, 0), 0);
    QCOMPARE(unitAtCursor(units, 9), 0);                    // just after the ';'
    QCOMPARE(unitAtCursor(units, 10), 0);                   // the empty line: the one before
    QCOMPARE(unitAtCursor(units, int(text.indexOf("2"))), 1);
    QCOMPARE(unitAtCursor(units, int(text.size())), 2);
    QCOMPARE(unitAtCursor({}, 0), -1);
    QCOMPARE(unitsIn(units, 12, int(text.size())).size(), 2);  // a selection over the last two
}

void TestSqlEditorScript::readsMetaCommands()
{
    MetaCommand command;
    QString error;
    QVERIFY(parseMetaCommand(QStringLiteral("\\d daily_usage"), &command, &error));
    QCOMPARE(command.kind, MetaCommand::Kind::Describe);
    QCOMPARE(command.nameRegex, QStringLiteral("^daily_usage$"));
    QVERIFY(command.schemaRegex.isEmpty());
    QVERIFY(parseMetaCommand(QStringLiteral("\\dt public.Daily*"), &command, &error));
    QCOMPARE(command.kind, MetaCommand::Kind::ListTables);
    QCOMPARE(command.schemaRegex, QStringLiteral("^public$"));
    QCOMPARE(command.nameRegex, QStringLiteral("^daily.*$"));  // folded, * is any
    QVERIFY(parseMetaCommand(QStringLiteral("\\d \"Odd.Name\""), &command, &error));
    QCOMPARE(command.nameRegex, QStringLiteral("^Odd\\.Name$"));  // quoted: case and the dot kept
    QVERIFY(parseMetaCommand(QStringLiteral("\\dtS"), &command, &error));
    QVERIFY(command.system);
    for (const char *line : {"\\dn", "\\df", "\\du", "\\dp", "\\x", "\\timing"})
        QVERIFY2(parseMetaCommand(QLatin1String(line), &command, &error), line);
}

void TestSqlEditorScript::refusesUnknownMetaCommands()
{
    MetaCommand command;
    QString error;
    QVERIFY(!parseMetaCommand(QStringLiteral("\\copy t to 'x'"), &command, &error));
    QVERIFY2(error.startsWith(QLatin1String("\\copy is not one of the meta-commands the editor answers")), qPrintable(error));
    QVERIFY(!parseMetaCommand(QStringLiteral("\\d \"unterminated"), &command, &error));
    QVERIFY2(error.contains(QLatin1String("unterminated quoted name")), qPrintable(error));
}

void TestSqlEditorScript::readsAPlan()
{
    // As PostgreSQL 15 gives EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) for a hash join.
    const QString json = QString::fromUtf8(R"json([{"Plan": {"Node Type": "Hash Join", "Join Type": "Inner", "Plan Rows": 10,
        "Actual Total Time": 40.0, "Actual Rows": 5000, "Actual Loops": 1, "Hash Cond": "(a.id = b.a_id)",
        "Shared Hit Blocks": 12, "Shared Read Blocks": 3,
        "Plans": [
          {"Node Type": "Seq Scan", "Relation Name": "a", "Schema": "public", "Plan Rows": 1000, "Actual Total Time": 10.0,
           "Actual Rows": 1000, "Actual Loops": 1, "Shared Hit Blocks": 5, "Shared Read Blocks": 0},
          {"Node Type": "Hash", "Plan Rows": 100, "Actual Total Time": 25.0, "Actual Rows": 100, "Actual Loops": 1,
           "Plans": [{"Node Type": "Index Scan", "Relation Name": "b", "Schema": "public", "Index Name": "b_a_id_idx",
                      "Plan Rows": 100, "Actual Total Time": 24.0, "Actual Rows": 100, "Actual Loops": 1}]}]},
        "Planning Time": 0.5, "Execution Time": 41.0}])json");
    const ExplainPlan plan = parseExplainJson(json);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QVERIFY(plan.analyzed);
    QCOMPARE(plan.nodes.size(), 4);
    QCOMPARE(plan.nodes.at(0).nodeType, QStringLiteral("Hash Join"));
    QCOMPARE(plan.nodes.at(0).detail, QStringLiteral("join Inner; on (a.id = b.a_id)"));
    QCOMPARE(plan.nodes.at(1).relation, QStringLiteral("public.a"));
    QCOMPARE(plan.nodes.at(3).depth, 2);
    QCOMPARE(plan.nodes.at(3).parent, 2);
    QCOMPARE(plan.nodes.at(3).detail, QStringLiteral("using b_a_id_idx"));
    QCOMPARE(plan.nodes.at(0).selfMs, 5.0);   // 40 less its children's 10 and 25
    QCOMPARE(plan.nodes.at(2).selfMs, 1.0);   // 25 less 24
    QCOMPARE(plan.slowest, 3);                // the index scan's 24 ms
    QCOMPARE(plan.worstMisestimate, 0);       // 10 expected, 5000 came
    QCOMPARE(plan.nodes.at(0).misestimate, 500.0);
    QCOMPARE(plan.nodes.at(0).sharedRead, 3);
    QCOMPARE(plan.executionMs, 41.0);
}

void TestSqlEditorScript::saysWhenAPlanIsNotJson()
{
    QVERIFY(parseExplainJson(QString::fromUtf8("Seq Scan on t")).error.startsWith(QLatin1String("the plan is not JSON")));
    QVERIFY(!parseExplainJson(QString::fromUtf8("[{}]")).error.isEmpty());
    const ExplainPlan estimated = parseExplainJson(QString::fromUtf8(R"([{"Plan": {"Node Type": "Result", "Plan Rows": 1}}])"));
    QVERIFY(estimated.error.isEmpty());
    QVERIFY(!estimated.analyzed);
}

QTEST_APPLESS_MAIN(TestSqlEditorScript)
#include "tst_sqleditorscript.moc"
