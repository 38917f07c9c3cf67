// The Supabase CLI's statement splitter, as our port follows it: every behaviour the CLI's own
// parser tests pin down (pkg/parser), the rules of its September 2026 release (END, '$' after an
// identifier, non-ASCII tags), and further cases probed against the CLI. The expected pieces are
// what the CLI records in supabase_migrations.schema_migrations.statements.
#include "core/sql/SupabaseSplitter.h"

#include <QtTest>

class TestSupabaseSplitter : public QObject {
    Q_OBJECT
private slots:
    void splitsAsTheCliDoes_data();
    void splitsAsTheCliDoes();
    void splitsAWholeSchemaFile();
};

void TestSupabaseSplitter::splitsAsTheCliDoes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("cli test: line comment after separator") << QString::fromUtf16(u"END;-- comment") << QStringList{QString::fromUtf16(u"END"), QString::fromUtf16(u"-- comment")};
    QTest::newRow("cli test: line comment before separator") << QString::fromUtf16(u"SELECT --; 1") << QStringList{QString::fromUtf16(u"SELECT --; 1")};
    QTest::newRow("cli test: line comment not started") << QString::fromUtf16(u"- ;END") << QStringList{QString::fromUtf16(u"-"), QString::fromUtf16(u"END")};
    QTest::newRow("cli test: line comment between lines") << QString::fromUtf16(u"-- /* \n; */ END") << QStringList{QString::fromUtf16(u"-- /*"), QString::fromUtf16(u"*/ END")};
    QTest::newRow("cli test: block comment contains separator") << QString::fromUtf16(u"SELECT /* ; */ 1;") << QStringList{QString::fromUtf16(u"SELECT /* ; */ 1")};
    QTest::newRow("cli test: block comment nested") << QString::fromUtf16(u"SELECT /*; /*;*/ ;*/ 1") << QStringList{QString::fromUtf16(u"SELECT /*; /*;*/ ;*/ 1")};
    QTest::newRow("cli test: block comment not started") << QString::fromUtf16(u"/ * ; */ END") << QStringList{QString::fromUtf16(u"/ *"), QString::fromUtf16(u"*/ END")};
    QTest::newRow("cli test: separators without spaces") << QString::fromUtf16(u";END;;") << QStringList{QString::fromUtf16(u"END")};
    QTest::newRow("cli test: separator between spaces") << QString::fromUtf16(u"BEGIN   ;  END") << QStringList{QString::fromUtf16(u"BEGIN"), QString::fromUtf16(u"END")};
    QTest::newRow("cli test: separator escaped by a backslash") << QString::fromUtf16(u"\\;;\\;") << QStringList{QString::fromUtf16(u"\\"), QString::fromUtf16(u"\\")};
    QTest::newRow("cli test: dollar quote with a tag") << QString::fromUtf16(u"$tag$ any ; string$tag$") << QStringList{QString::fromUtf16(u"$tag$ any ; string$tag$")};
    QTest::newRow("cli test: dollar quote without a tag") << QString::fromUtf16(u"$$\"Dane's horse\"$$") << QStringList{QString::fromUtf16(u"$$\"Dane's horse\"$$")};
    QTest::newRow("cli test: dollar quote not started") << QString::fromUtf16(u"SELECT \"$\"; $$") << QStringList{QString::fromUtf16(u"SELECT \"$\""), QString::fromUtf16(u"$$")};
    QTest::newRow("cli test: single quote hides the separator") << QString::fromUtf16(u"SELECT ';' 1") << QStringList{QString::fromUtf16(u"SELECT ';' 1")};
    QTest::newRow("cli test: single quote doubled") << QString::fromUtf16(u"SELECT ';'';' 1") << QStringList{QString::fromUtf16(u"SELECT ';'';' 1")};
    QTest::newRow("cli test: single quote with a literal backslash") << QString::fromUtf16(u"SELECT '\\'; 1'") << QStringList{QString::fromUtf16(u"SELECT '\\'"), QString::fromUtf16(u"1'")};
    QTest::newRow("cli test: double quote hides the separator") << QString::fromUtf16(u"CREATE POLICY \"cats;dogs\" on cats_dogs; END") << QStringList{QString::fromUtf16(u"CREATE POLICY \"cats;dogs\" on cats_dogs"), QString::fromUtf16(u"END")};
    QTest::newRow("cli test: double quote keeps a single quote") << QString::fromUtf16(u"CREATE POLICY \"cat's and dog's\" on cats_dogs; END") << QStringList{QString::fromUtf16(u"CREATE POLICY \"cat's and dog's\" on cats_dogs"), QString::fromUtf16(u"END")};
    QTest::newRow("cli test: double quote doubled") << QString::fromUtf16(u"CREATE POLICY \"pet\"\"name\" on pets; END") << QStringList{QString::fromUtf16(u"CREATE POLICY \"pet\"\"name\" on pets"), QString::fromUtf16(u"END")};
    QTest::newRow("cli test: parentheses keep a rule's body") << QString::fromUtf16(u"CREATE RULE notify_me AS ON UPDATE TO mytable DO (NOTIFY mytable; SELECT \"1\");SELECT 1") << QStringList{QString::fromUtf16(u"CREATE RULE notify_me AS ON UPDATE TO mytable DO (NOTIFY mytable; SELECT \"1\")"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli test: parentheses ignore literals") << QString::fromUtf16(u"CREATE RULE notify_me AS ON UPDATE TO mytable DO (-- )\nSELECT ')';\n-- )\n)\n") << QStringList{QString::fromUtf16(u"CREATE RULE notify_me AS ON UPDATE TO mytable DO (-- )\nSELECT ')';\n-- )\n)")};
    QTest::newRow("cli test: begin atomic body") << QString::fromUtf16(u"CREATE FUNCTION add(a integer, b integer) RETURNS integer\nLANGUAGE SQL\nIMMUTABLE STRICT PARALLEL SAFE\nRETURNS NULL ON NULL INPUT\nBEGIN ATOMIC\n\tSELECT 'add';\n\tSELECT a + b;\nEND;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION add(a integer, b integer) RETURNS integer\nLANGUAGE SQL\nIMMUTABLE STRICT PARALLEL SAFE\nRETURNS NULL ON NULL INPUT\nBEGIN ATOMIC\n\tSELECT 'add';\n\tSELECT a + b;\nEND")};
    QTest::newRow("cli test: begin atomic in any case") << QString::fromUtf16(u"begin atomic; select 'end'; end") << QStringList{QString::fromUtf16(u"begin atomic; select 'end'; end")};
    QTest::newRow("cli test: begin atomic ignores literals") << QString::fromUtf16(u"CREATE FUNCTION test() BEGIN\nATOMIC-- END;\n-- END;\nEND\n;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION test() BEGIN\nATOMIC-- END;\n-- END;\nEND")};
    QTest::newRow("cli test: atomic inside the identifier fn_atomic") << QString::fromUtf16(u"CREATE OR REPLACE FUNCTION fn_atomic()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$;\nSELECT 1;") << QStringList{QString::fromUtf16(u"CREATE OR REPLACE FUNCTION fn_atomic()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli test: atomic inside the identifier atomic_fn") << QString::fromUtf16(u"CREATE OR REPLACE FUNCTION atomic_fn()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$;\nSELECT 1;") << QStringList{QString::fromUtf16(u"CREATE OR REPLACE FUNCTION atomic_fn()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli test: atomic inside the identifier my_atomic_thing") << QString::fromUtf16(u"CREATE OR REPLACE FUNCTION my_atomic_thing()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$;\nSELECT 1;") << QStringList{QString::fromUtf16(u"CREATE OR REPLACE FUNCTION my_atomic_thing()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli test: atomic inside the identifier xatomicx") << QString::fromUtf16(u"CREATE OR REPLACE FUNCTION xatomicx()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$;\nSELECT 1;") << QStringList{QString::fromUtf16(u"CREATE OR REPLACE FUNCTION xatomicx()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli test: atomic inside the identifier fn_ATomiC") << QString::fromUtf16(u"CREATE OR REPLACE FUNCTION fn_ATomiC()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$;\nSELECT 1;") << QStringList{QString::fromUtf16(u"CREATE OR REPLACE FUNCTION fn_ATomiC()\nRETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  NULL;\nEND;\n$$"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli test: atomic in a schema-qualified function name") << QString::fromUtf16(u"CREATE OR REPLACE FUNCTION public.atomic_example()\nRETURNS INTEGER\nLANGUAGE plpgsql\nAS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;\nGRANT EXECUTE ON FUNCTION public.atomic_example() TO authenticated;") << QStringList{QString::fromUtf16(u"CREATE OR REPLACE FUNCTION public.atomic_example()\nRETURNS INTEGER\nLANGUAGE plpgsql\nAS $$\nBEGIN\n  RETURN 1;\nEND;\n$$"), QString::fromUtf16(u"GRANT EXECUTE ON FUNCTION public.atomic_example() TO authenticated")};
    QTest::newRow("cli 2026-09: END in CASE does not close the body") << QString::fromUtf16(u"CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2; END; SELECT 3;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2; END"), QString::fromUtf16(u"SELECT 3")};
    QTest::newRow("cli 2026-09: end inside a word does not close the body") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT legend FROM t; SELECT 2; END;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT legend FROM t; SELECT 2; END")};
    QTest::newRow("cli 2026-09: end as an alias does not close the body") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 AS end; END; SELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 AS end; END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli 2026-09: end_date does not close the body") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS date LANGUAGE sql BEGIN ATOMIC SELECT end_date FROM t; END; SELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS date LANGUAGE sql BEGIN ATOMIC SELECT end_date FROM t; END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli 2026-09: END after a comment closes the body") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; -- done\n /* really */ END; SELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; -- done\n /* really */ END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli 2026-09: ENDx is not END") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; ENDx; END; SELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; ENDx; END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli 2026-09: dollar after an identifier character is text") << QString::fromUtf16(u"SELECT a$b$c; SELECT 1; $b$ x") << QStringList{QString::fromUtf16(u"SELECT a$b$c"), QString::fromUtf16(u"SELECT 1"), QString::fromUtf16(u"$b$ x")};
    QTest::newRow("cli 2026-09: non-ASCII in a dollar tag") << QString::fromUtf16(u"SELECT $\u00e9$ ; $\u00e9$; SELECT 2") << QStringList{QString::fromUtf16(u"SELECT $\u00e9$ ; $\u00e9$"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli 2026-09: superscript in a dollar tag") << QString::fromUtf16(u"CREATE FUNCTION f() AS $a\u00b2$foo; END; bar$a\u00b2$ LANGUAGE sql; SELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() AS $a\u00b2$foo; END; bar$a\u00b2$ LANGUAGE sql"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli 2026-09: emoji in a dollar tag") << QString::fromUtf16(u"CREATE FUNCTION f() AS $a\U0001f600$foo; END; bar$a\U0001f600$ LANGUAGE sql; SELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() AS $a\U0001f600$foo; END; bar$a\U0001f600$ LANGUAGE sql"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli 2026-09: no-break space between BEGIN and ATOMIC opens no body") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN\u00a0ATOMIC SELECT 1; END;\nSELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN\u00a0ATOMIC SELECT 1"), QString::fromUtf16(u"END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: an atomic column") << QString::fromUtf16(u"ALTER TABLE t ADD COLUMN atomic boolean;\nSELECT 1;") << QStringList{QString::fromUtf16(u"ALTER TABLE t ADD COLUMN atomic boolean"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli probe: an atomic_ table") << QString::fromUtf16(u"CREATE TABLE atomic_counters (id int);\nCREATE INDEX ON atomic_counters (id);\nSELECT 1;") << QStringList{QString::fromUtf16(u"CREATE TABLE atomic_counters (id int)"), QString::fromUtf16(u"CREATE INDEX ON atomic_counters (id)"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli probe: an alias atomic") << QString::fromUtf16(u"SELECT 1 AS atomic; SELECT 2;") << QStringList{QString::fromUtf16(u"SELECT 1 AS atomic"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: an atomic column in parentheses") << QString::fromUtf16(u"CREATE TABLE t (id int, atomic bool); SELECT 1;") << QStringList{QString::fromUtf16(u"CREATE TABLE t (id int, atomic bool)"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli probe: a statement ATOMIC") << QString::fromUtf16(u"SELECT 1; ATOMIC; SELECT 2;") << QStringList{QString::fromUtf16(u"SELECT 1"), QString::fromUtf16(u"ATOMIC"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: xBEGIN ATOMIC") << QString::fromUtf16(u"SELECT xBEGIN ATOMIC; SELECT 2; END; SELECT 3;") << QStringList{QString::fromUtf16(u"SELECT xBEGIN ATOMIC"), QString::fromUtf16(u"SELECT 2"), QString::fromUtf16(u"END"), QString::fromUtf16(u"SELECT 3")};
    QTest::newRow("cli probe: a comment between BEGIN and ATOMIC") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN -- c\nATOMIC SELECT 1; END;\nSELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN -- c\nATOMIC SELECT 1"), QString::fromUtf16(u"END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: tabs and newlines between BEGIN and ATOMIC") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN\t\n\n ATOMIC SELECT 1; END;\nSELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN\t\n\n ATOMIC SELECT 1; END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: BEGINATOMIC") << QString::fromUtf16(u"SELECT BEGINATOMIC; SELECT 2; END; SELECT 3;") << QStringList{QString::fromUtf16(u"SELECT BEGINATOMIC"), QString::fromUtf16(u"SELECT 2"), QString::fromUtf16(u"END"), QString::fromUtf16(u"SELECT 3")};
    QTest::newRow("cli probe: end in quotes and comments of a body") << QString::fromUtf16(u"CREATE FUNCTION f() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT 'end'; -- end\n SELECT \"end\"; /* end */ END; SELECT 2;") << QStringList{QString::fromUtf16(u"CREATE FUNCTION f() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT 'end'; -- end\n SELECT \"end\"; /* end */ END"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: BEGIN ATOMIC in a dollar quote") << QString::fromUtf16(u"DO $$ BEGIN ATOMIC; END $$; SELECT 2;") << QStringList{QString::fromUtf16(u"DO $$ BEGIN ATOMIC; END $$"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: a nested parenthesis closes the outer one") << QString::fromUtf16(u"SELECT (1, (2); 3)") << QStringList{QString::fromUtf16(u"SELECT (1, (2)"), QString::fromUtf16(u"3)")};
    QTest::newRow("cli probe: a procedure body with parentheses") << QString::fromUtf16(u"CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END; SELECT 3;") << QStringList{QString::fromUtf16(u"CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END"), QString::fromUtf16(u"SELECT 3")};
    QTest::newRow("cli probe: an unbalanced closing parenthesis") << QString::fromUtf16(u"SELECT 1); SELECT 2;") << QStringList{QString::fromUtf16(u"SELECT 1)"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: an unbalanced opening parenthesis swallows the rest") << QString::fromUtf16(u"SELECT (1; SELECT 2; SELECT 3") << QStringList{QString::fromUtf16(u"SELECT (1; SELECT 2; SELECT 3")};
    QTest::newRow("cli probe: no E'' strings") << QString::fromUtf16(u"SELECT E'it\\'s; fine'; SELECT 2") << QStringList{QString::fromUtf16(u"SELECT E'it\\'s"), QString::fromUtf16(u"fine'; SELECT 2")};
    QTest::newRow("cli probe: an unterminated quote") << QString::fromUtf16(u"SELECT 'abc; SELECT 2") << QStringList{QString::fromUtf16(u"SELECT 'abc; SELECT 2")};
    QTest::newRow("cli probe: empty") << QString::fromUtf16(u"") << QStringList{};
    QTest::newRow("cli probe: white space only") << QString::fromUtf16(u" \n\t ") << QStringList{};
    QTest::newRow("cli probe: semicolons only") << QString::fromUtf16(u";;; ;\n;") << QStringList{};
    QTest::newRow("cli probe: trailing semicolons") << QString::fromUtf16(u"SELECT 1;;;") << QStringList{QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli probe: a trailing comment becomes a statement") << QString::fromUtf16(u"SELECT 1; -- tail") << QStringList{QString::fromUtf16(u"SELECT 1"), QString::fromUtf16(u"-- tail")};
    QTest::newRow("cli probe: a comment goes with the next statement") << QString::fromUtf16(u"SELECT 1; -- tail\nSELECT 2") << QStringList{QString::fromUtf16(u"SELECT 1"), QString::fromUtf16(u"-- tail\nSELECT 2")};
    QTest::newRow("cli probe: a line comment ends at LF only") << QString::fromUtf16(u"-- a;\r\nSELECT 1;\r\nSELECT 2;\r\n") << QStringList{QString::fromUtf16(u"-- a;\r\nSELECT 1"), QString::fromUtf16(u"SELECT 2")};
    QTest::newRow("cli probe: psql meta-commands") << QString::fromUtf16(u"\\set ON_ERROR_STOP on\nSELECT 1;\n\\echo done\nSELECT 2;") << QStringList{QString::fromUtf16(u"\\set ON_ERROR_STOP on\nSELECT 1"), QString::fromUtf16(u"\\echo done\nSELECT 2")};
    QTest::newRow("cli probe: Unicode spaces trimmed") << QString::fromUtf16(u"\u00a0SELECT 1;\u3000") << QStringList{QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli probe: a zero-width space is not white space") << QString::fromUtf16(u"\u200bSELECT 1;\u200b") << QStringList{QString::fromUtf16(u"\u200bSELECT 1"), QString::fromUtf16(u"\u200b")};
    QTest::newRow("cli probe: a quoted identifier with begin atomic") << QString::fromUtf16(u"CREATE TABLE \"begin atomic\" (a int); SELECT 1;") << QStringList{QString::fromUtf16(u"CREATE TABLE \"begin atomic\" (a int)"), QString::fromUtf16(u"SELECT 1")};
    QTest::newRow("cli probe: a rule with nested parentheses") << QString::fromUtf16(u"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log (id) VALUES (NEW.id); NOTIFY t); SELECT 1;") << QStringList{QString::fromUtf16(u"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log (id) VALUES (NEW.id)"), QString::fromUtf16(u"NOTIFY t)"), QString::fromUtf16(u"SELECT 1")};
}

void TestSupabaseSplitter::splitsAsTheCliDoes()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, statements);
    QCOMPARE(splitLikeSupabaseCli(sql), statements);
}

// A file in the shape `supabase db diff` writes: schema, tables whose comments hold parentheses
// and a URL, indexes, a view of nested sub-selects, a PL/pgSQL trigger function with a loop, and
// its triggers. Each statement is one piece, with the blank lines and comments before it trimmed
// or kept as the CLI keeps them.
void TestSupabaseSplitter::splitsAWholeSchemaFile()
{
    const QStringList statements = {
        QStringLiteral("CREATE SCHEMA \"notes\""),
        QStringLiteral("CREATE TABLE \"notes\".\"page\" (\n  \"id\" uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n"
                       "  -- the owner (see auth.users (id))\n  \"owner\" uuid NOT NULL,\n"
                       "  \"source\" text DEFAULT 'https://example.invalid/a%40b;c' -- kept as typed (with ;)\n)"),
        QStringLiteral("CREATE UNIQUE INDEX \"page_owner_idx\" ON \"notes\".\"page\" (\"owner\", (lower(\"source\")))"),
        QStringLiteral("-- pages with their latest version\nCREATE VIEW \"notes\".\"latest\" AS\n"
                       "SELECT p.id, (SELECT max(v.n) FROM (SELECT n FROM notes.version WHERE page = p.id) AS v) AS n\n"
                       "FROM notes.page AS p"),
        QStringLiteral("CREATE OR REPLACE FUNCTION \"notes\".prune() RETURNS TRIGGER AS $$\nDECLARE\n  r record;\nBEGIN\n"
                       "  -- drop orphans; one at a time\n  FOR r IN SELECT id FROM notes.page WHERE owner IS NULL LOOP\n"
                       "    DELETE FROM notes.page WHERE id = r.id;\n  END LOOP;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql"),
        QStringLiteral("CREATE TRIGGER prune_pages AFTER DELETE ON \"notes\".\"page\"\n  FOR EACH ROW EXECUTE FUNCTION \"notes\".prune()"),
    };
    QString file;
    for (const QString &statement : statements)
        file += statement + QStringLiteral(";\n\n");
    QCOMPARE(splitLikeSupabaseCli(file), statements);
    // Raw bytes of a file read with CRLF line ends give the same pieces, their CRs kept.
    QString crlf = file;
    crlf.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QStringList pieces = splitLikeSupabaseCli(crlf);
    QCOMPARE(pieces.size(), statements.size());
    QCOMPARE(pieces.first(), statements.first());
}

QTEST_APPLESS_MAIN(TestSupabaseSplitter)
#include "tst_supabasesplitter.moc"
