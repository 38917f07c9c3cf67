#include "core/lint/LintRule.h"
#include "core/lint/Linter.h"

#include <QDir>
#include <QSet>
#include <QtTest>

// The linter's rules, each on the example that docs/lint.md shows for it, and what users rely on:
// where a finding points, ignores, severities, grading by size, and the shapes of real projects.
class TestLint : public QObject {
    Q_OBJECT
private slots:
    void theCatalogueIsComplete();
    void everyRuleFlagsItsExampleAndNotTheCleanOne_data();
    void everyRuleFlagsItsExampleAndNotTheCleanOne();
    void findingsPointAtTheOffendingPart();
    void everyRiskIsShownEvenAfterAFailingStatement();
    void tablesCreatedInTheFileBlockNobody();
    void ignoresSilenceTheStatementAfterThem();
    void fileIgnoresAndUnusedIgnores();
    void severitiesCanBeChanged();
    void rulesThatDependOnSizeGradeByTheTable();
    void laterStatementsFixEarlierOnes();
    void aTableMadeAgainNeedNotBeDroppedByTheDown();
    void aSyntaxErrorIsLocated();
    void realProjectShapes();
};

namespace {

QStringList rulesOf(const LintResult &result)
{
    QStringList rules;
    for (const LintFinding &finding : result.findings)
        rules << finding.rule;
    return rules;
}

LintResult lintSql(const QString &sql, const LintOptions &options = LintOptions())
{
    LintFile file;
    file.name = QStringLiteral("20250101000000_x.sql");
    file.sql = sql;
    return lintFile(file, options);
}

}  // namespace

void TestLint::theCatalogueIsComplete()
{
    const QList<LintRule> &rules = lintRules();
    QVERIFY2(rules.size() >= 45, qPrintable(QString::number(rules.size())));
    QSet<QString> names;
    int squawk = 0;
    for (const LintRule &rule : rules) {
        QVERIFY2(!names.contains(rule.name), qPrintable(rule.name));
        names.insert(rule.name);
        QVERIFY2(QRegularExpression(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$")).match(rule.name).hasMatch(), qPrintable(rule.name));
        QVERIFY2(!rule.summary.isEmpty() && !rule.why.isEmpty() && !rule.fix.isEmpty(), qPrintable(rule.name));
        QVERIFY2(!rule.flagged.isEmpty() && !rule.clean.isEmpty(), qPrintable(rule.name));
        squawk += rule.origin == QLatin1String("Squawk") ? 1 : 0;
    }
    // Squawk's names, so that people coming from Squawk keep theirs.
    for (const char *name : {"adding-required-field", "ban-drop-column", "changing-column-type", "require-concurrent-index-creation",
                             "constraint-missing-not-valid", "renaming-column", "prefer-robust-stmts", "transaction-nesting"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
    QVERIFY(squawk >= 30);
    QVERIFY(findLintRule(QStringLiteral("rls-disabled-in-public")));
    QVERIFY(!findLintRule(QStringLiteral("no-such-rule")));
    QCOMPARE(unknownLintRules({QStringLiteral("ban-drop-table"), QStringLiteral("ban-drop-tabel")}), QStringList{"ban-drop-tabel"});
}

void TestLint::everyRuleFlagsItsExampleAndNotTheCleanOne_data()
{
    QTest::addColumn<QString>("rule");
    for (const LintRule &rule : lintRules())
        QTest::newRow(qPrintable(rule.name)) << rule.name;
}

void TestLint::everyRuleFlagsItsExampleAndNotTheCleanOne()
{
    QFETCH(QString, rule);
    const LintRule *known = findLintRule(rule);
    LintOptions options;
    if (known->severity == LintSeverity::Off)
        options.severities.insert(rule, LintSeverity::Warning);  // off by default: turned on to be tried
    const LintResult flagged = lintFile(lintExampleFile(known->flagged), options);
    QVERIFY2(flagged.parsed, qPrintable(flagged.syntaxError));
    QVERIFY2(rulesOf(flagged).contains(rule), qPrintable(rulesOf(flagged).join(QLatin1Char(' '))));
    for (const LintFinding &finding : flagged.findings) {
        QVERIFY(finding.line >= 1 && finding.column >= 1);
        QVERIFY2(!finding.message.isEmpty() && !finding.why.isEmpty() && !finding.fix.isEmpty(), qPrintable(finding.rule));
    }
    const LintResult clean = lintFile(lintExampleFile(known->clean), options);
    QVERIFY2(clean.parsed, qPrintable(clean.syntaxError));
    QVERIFY2(!rulesOf(clean).contains(rule), qPrintable(rulesOf(clean).join(QLatin1Char(' '))));
}

void TestLint::findingsPointAtTheOffendingPart()
{
    const LintResult result = lintSql(QStringLiteral("-- comment\nALTER TABLE daily_usage\n  ADD COLUMN tier text NOT NULL;\n"));
    QCOMPARE(rulesOf(result), QStringList{"adding-required-field"});
    const LintFinding &finding = result.findings.first();
    QCOMPARE(finding.line, 3);
    QCOMPARE(finding.column, 14);  // the column definition, not the statement's start
    QCOMPARE(finding.statementLine, 2);
    QCOMPARE(finding.severity, LintSeverity::Error);
    QCOMPARE(finding.located(), QStringLiteral("20250101000000_x.sql:3:14: error[adding-required-field] adds column tier NOT NULL "
                                               "without a default to daily_usage"));
    QVERIFY(finding.statement.startsWith(QLatin1String("ALTER TABLE daily_usage")));
}

// The case a dry run cannot show: the risks of statements after one that fails.
void TestLint::everyRiskIsShownEvenAfterAFailingStatement()
{
    const LintResult result = lintSql(QStringLiteral("INSERT INTO missing_table VALUES (1);\n"
                                                     "ALTER TABLE daily_usage DROP COLUMN legacy;\n"
                                                     "ALTER TABLE daily_usage ALTER COLUMN message_count TYPE bigint;\n"
                                                     "GRANT INSERT ON daily_usage TO anon;\n"));
    QCOMPARE(rulesOf(result), (QStringList{"ban-drop-column", "changing-column-type", "anon-write-grant"}));
    QCOMPARE(result.findings.at(2).line, 4);
    QCOMPARE(result.findings.at(2).column, 32);  // at the grantee
}

void TestLint::tablesCreatedInTheFileBlockNobody()
{
    const LintResult result = lintSql(QStringLiteral("CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n"
                                                     "ALTER TABLE notes ADD COLUMN title text NOT NULL;\n"
                                                     "CREATE INDEX notes_title_idx ON notes (title);\n"
                                                     "ALTER TABLE notes ADD CONSTRAINT body_short CHECK (length(body) < 1000);\n"
                                                     "ALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n"
                                                     "CREATE POLICY read_notes ON notes FOR SELECT TO authenticated USING (true);\n"));
    QVERIFY2(result.findings.isEmpty(), qPrintable(rulesOf(result).join(QLatin1Char(' '))));
}

void TestLint::ignoresSilenceTheStatementAfterThem()
{
    const LintResult result = lintSql(QStringLiteral("-- atlas:ignore ban-drop-column, changing-column-type legacy is unused since 2025-10\n"
                                                     "ALTER TABLE daily_usage DROP COLUMN legacy,\n"
                                                     "  ALTER COLUMN message_count TYPE bigint;\n"
                                                     "ALTER TABLE conversations DROP COLUMN legacy;\n"));
    QCOMPARE(rulesOf(result), QStringList{"ban-drop-column"});
    QCOMPARE(result.findings.first().line, 4);
}

void TestLint::fileIgnoresAndUnusedIgnores()
{
    const LintResult result = lintSql(QStringLiteral("-- atlas:ignore-file prefer-set-local the dump sets its own session\n"
                                                     "SET statement_timeout = 0;\n"
                                                     "SELECT pg_catalog.set_config('search_path', '', false);\n"
                                                     "-- atlas:ignore ban-drop-table nothing to drop here\n"
                                                     "CREATE TABLE private.notes (id bigint PRIMARY KEY);\n"
                                                     "-- atlas:ignore ban-drop-tabel misspelt\n"
                                                     "DROP TABLE private.old_notes;\n"));
    QCOMPARE(rulesOf(result), (QStringList{"unused-ignore", "unused-ignore", "ban-drop-table"}));
    QCOMPARE(result.findings.at(0).line, 4);
    QVERIFY2(result.findings.at(0).message.contains(QLatin1String("ban-drop-table silenced nothing in the statement after it")),
             qPrintable(result.findings.at(0).message));
    QCOMPARE(result.findings.at(1).line, 6);
    QVERIFY2(result.findings.at(1).message.contains(QLatin1String("ban-drop-tabel, which no rule")), qPrintable(result.findings.at(1).message));
}

void TestLint::severitiesCanBeChanged()
{
    LintOptions options;
    options.severities.insert(QStringLiteral("ban-drop-column"), LintSeverity::Off);
    options.severities.insert(QStringLiteral("changing-column-type"), LintSeverity::Error);
    const LintResult result = lintSql(QStringLiteral("ALTER TABLE t DROP COLUMN a;\nALTER TABLE t ALTER COLUMN b TYPE bigint;\n"), options);
    QCOMPARE(rulesOf(result), QStringList{"changing-column-type"});
    QCOMPARE(result.findings.first().severity, LintSeverity::Error);
    QCOMPARE(result.worst(), LintSeverity::Error);
    LintSeverity parsed = LintSeverity::Off;
    QVERIFY(parseLintSeverity(QStringLiteral("warning"), &parsed));
    QCOMPARE(parsed, LintSeverity::Warning);
    QVERIFY(!parseLintSeverity(QStringLiteral("fatal"), &parsed));
}

void TestLint::rulesThatDependOnSizeGradeByTheTable()
{
    LintOptions options;
    options.sizes.insert(QStringLiteral("small"), RelationSize{8192, 10, QStringLiteral("8192 bytes")});
    options.sizes.insert(QStringLiteral("big"), RelationSize{2LL << 30, 12'000'000, QStringLiteral("2048 MB")});
    const LintResult result = lintSql(QStringLiteral("ALTER TABLE small ALTER COLUMN a TYPE bigint;\n"
                                                     "ALTER TABLE big ALTER COLUMN a TYPE bigint;\n"
                                                     "ALTER TABLE unknown ALTER COLUMN a TYPE bigint;\n"
                                                     "ALTER TABLE big RENAME COLUMN a TO b;\n"),
                                      options);
    QCOMPARE(result.findings.size(), 4);
    QCOMPARE(result.findings.at(0).severity, LintSeverity::Info);
    QVERIFY2(result.findings.at(0).message.endsWith(QLatin1String("(about 10 rows, 8192 bytes)")), qPrintable(result.findings.at(0).message));
    QCOMPARE(result.findings.at(1).severity, LintSeverity::Error);
    QCOMPARE(result.findings.at(2).severity, LintSeverity::Warning);  // not known: as catalogued
    QCOMPARE(result.findings.at(3).severity, LintSeverity::Warning);  // renaming is not about size
}

void TestLint::laterStatementsFixEarlierOnes()
{
    const LintResult result = lintSql(QStringLiteral(
        "CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$;\n"
        "ALTER FUNCTION public.handle_new_user() SET search_path = '';\n"
        "CREATE VIEW public.totals AS SELECT 1 AS one;\n"
        "ALTER VIEW public.totals SET (security_invoker = on);\n"));
    QVERIFY2(result.findings.isEmpty(), qPrintable(rulesOf(result).join(QLatin1Char(' '))));
    const LintResult definer = lintSql(QStringLiteral(
        "CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$;\n"));
    QCOMPARE(rulesOf(definer), QStringList{"function-search-path-mutable"});
    QCOMPARE(definer.findings.first().severity, LintSeverity::Error);  // SECURITY DEFINER: raised
}

void TestLint::aTableMadeAgainNeedNotBeDroppedByTheDown()
{
    // Schema compare's column order: the table was there before the up file, which moves it aside
    // and makes it again; its down does the same the other way. A table only created is still
    // missed by a down that leaves it.
    LintFile file;
    file.name = QStringLiteral("20250101000000_x.sql");
    file.sql = QStringLiteral("CREATE SCHEMA atlas_reorder;\n"
                              "ALTER TABLE public.notes SET SCHEMA atlas_reorder;\n"
                              "CREATE TABLE public.notes (id int, title text, body text);\n"
                              "INSERT INTO public.notes (id, body) SELECT id, body FROM atlas_reorder.notes;\n"
                              "-- atlas:ignore ban-drop-table its rows are in the new table\n"
                              "DROP TABLE atlas_reorder.notes;\n"
                              "-- atlas:ignore ban-drop-schema empty by now\n"
                              "DROP SCHEMA atlas_reorder;\n"
                              "CREATE INDEX notes_title ON public.notes (title);\n"
                              "CREATE TABLE public.tags (id int);\n");
    file.hasDown = true;
    file.downSql = QStringLiteral("CREATE SCHEMA atlas_reorder;\n"
                                  "ALTER TABLE public.notes SET SCHEMA atlas_reorder;\n"
                                  "CREATE TABLE public.notes (id int, body text);\n"
                                  "INSERT INTO public.notes (id, body) SELECT id, body FROM atlas_reorder.notes;\n"
                                  "DROP TABLE atlas_reorder.notes;\n"
                                  "DROP SCHEMA atlas_reorder;\n");
    const LintResult result = lintFile(file);
    QStringList undone;
    for (const LintFinding &finding : result.findings)
        if (finding.rule == QLatin1String("down-does-not-undo"))
            undone << finding.message;
    QCOMPARE(undone, QStringList{"the down file leaves table public.tags"});
    // A table dropped IF EXISTS may not have been there: the down file must drop it.
    LintFile ifExists;
    ifExists.name = QStringLiteral("20250101000000_x.sql");
    ifExists.sql = QStringLiteral("DROP TABLE IF EXISTS public.widgets;\nCREATE TABLE public.widgets (id int);\n");
    ifExists.hasDown = true;
    ifExists.downSql = QStringLiteral("SELECT 1;\n");
    QVERIFY(rulesOf(lintFile(ifExists)).contains(QLatin1String("down-does-not-undo")));
    QVERIFY2(!rulesOf(result).contains(QLatin1String("ban-drop-table")) && !rulesOf(result).contains(QLatin1String("unused-ignore")),
             qPrintable(rulesOf(result).join(QLatin1Char(' '))));
}

void TestLint::aSyntaxErrorIsLocated()
{
    const LintResult result = lintSql(QStringLiteral("SELECT 1;\nCREATE TABEL notes (id int);\n"));
    QVERIFY(!result.parsed);
    QCOMPARE(result.syntaxError, QStringLiteral("20250101000000_x.sql:2:8: syntax error at or near \"TABEL\""));
}

// The corpus of Supabase-shaped projects: storage policies, a SECURITY DEFINER trigger on
// auth.users with a fixed search path, a db pull dump; each lints, and says what it should.
void TestLint::realProjectShapes()
{
    const QDir corpus(QStringLiteral(ATLAS_SOURCE_DIR "/tests/corpus"));
    int files = 0;
    QHash<QString, QStringList> byFile;
    for (const QString &project : corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir folder(corpus.filePath(project + QStringLiteral("/supabase/migrations")));
        for (const QString &name : folder.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
            QFile in(folder.filePath(name));
            QVERIFY(in.open(QIODevice::ReadOnly));
            LintFile file;
            file.name = project + QLatin1Char('/') + name;
            file.sql = QString::fromUtf8(in.readAll());
            const LintResult result = lintFile(file);
            QVERIFY2(result.parsed, qPrintable(result.syntaxError));
            byFile.insert(file.name, rulesOf(result));
            ++files;
        }
    }
    QVERIFY2(files >= 15, qPrintable(QString::number(files)));
    QString all;
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it)
        all += it.key() + QStringLiteral(": ") + it.value().join(QLatin1Char(' ')) + QLatin1Char('\n');
    qInfo().noquote() << all;
}

QTEST_APPLESS_MAIN(TestLint)
#include "tst_lint.moc"
