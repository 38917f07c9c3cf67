// atlas-migrate lint as CI runs it: the built executable with no database and no PG* variables.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "support/ProgramRun.h"

namespace {

ProgramRun lint(const QStringList &arguments, const QString &cwd = QString())
{
    QProcess process;
    QProcessEnvironment env;  // nothing: no PGHOST, no DATABASE_URL, no server
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), QDir::tempPath());
    env.insert(QStringLiteral("PGHOST"), QStringLiteral("/nonexistent"));
    process.setProcessEnvironment(env);
    if (!cwd.isEmpty())
        process.setWorkingDirectory(cwd);
    process.start(QStringLiteral(ATLAS_MIGRATE_BIN), QStringList{QStringLiteral("lint")} + arguments);
    return finishRun(process);
}

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

}  // namespace

class TestLintCommand : public QObject {
    Q_OBJECT
private slots:
    void exitsByTheWorstFinding();
    void readsASupabaseFolder();
    void badInputIsLocatedAndExitsTwo();
    void formatsForMachines();
    void listsTheCatalogueAsTheDocsShowIt();

private:
    QTemporaryDir m_dir;
};

void TestLintCommand::exitsByTheWorstFinding()
{
    write(m_dir.filePath("error.sql"), "ALTER TABLE daily_usage ADD COLUMN tier text NOT NULL;\n");
    write(m_dir.filePath("warning.sql"), "ALTER TABLE daily_usage DROP COLUMN legacy;\n");
    write(m_dir.filePath("clean.sql"), "CREATE TABLE private.notes (id bigint PRIMARY KEY);\n");
    ProgramRun run = lint({m_dir.filePath("error.sql")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(m_dir.filePath("error.sql") + ":1:36: error[adding-required-field] adds column tier NOT NULL"), qPrintable(run.out));
    QVERIFY(run.out.contains("  why: The statement fails on any table that has rows"));
    QVERIFY(run.out.contains("  fix: Give the column a DEFAULT"));
    QCOMPARE(lint({m_dir.filePath("warning.sql")}).exitCode, 0);
    QCOMPARE(lint({"--strict", m_dir.filePath("warning.sql")}).exitCode, 1);
    QCOMPARE(lint({"--rule", "ban-drop-column=error", m_dir.filePath("warning.sql")}).exitCode, 1);
    QCOMPARE(lint({"--rule", "adding-required-field=off", m_dir.filePath("error.sql")}).exitCode, 0);
    run = lint({m_dir.filePath("clean.sql"), m_dir.filePath("warning.sql")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.endsWith("2 file(s), 2 statement(s): 0 error(s), 1 warning(s), 0 info\n"), qPrintable(run.out));
}

void TestLintCommand::readsASupabaseFolder()
{
    const QString project = m_dir.filePath("project");
    write(project + "/supabase/migrations/20250101000000_notes.sql",
          "CREATE TABLE public.notes (id bigint PRIMARY KEY);\nALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;\n"
          "CREATE POLICY own ON public.notes FOR SELECT TO authenticated USING (true);\n");
    write(project + "/supabase/migrations/20250101000000_notes.down.sql", "DROP TABLE public.notes;\n");
    write(project + "/supabase/migrations/20250102000000_index.sql", "CREATE INDEX notes_id_idx ON public.notes (id);\n");
    // The default folder, as for the other verbs: ./supabase/migrations.
    const ProgramRun run = lint({}, project);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("20250101000000_notes.down.sql:1:1: error[down-file-in-cli-folder]"), qPrintable(run.out));
    QVERIFY(run.out.contains("20250102000000_index.sql:1:1: warning[require-concurrent-index-creation]"));
    QVERIFY(!run.out.contains("ban-drop-table"));  // a down file's DROP is its purpose
    QVERIFY(run.out.contains("3 file(s)"));
}

void TestLintCommand::badInputIsLocatedAndExitsTwo()
{
    write(m_dir.filePath("typo.sql"), "SELECT 1;\nCREATE TABEL notes (id int);\n");
    write(m_dir.filePath("latin1.sql"), "SELECT 'caf\xe9';\n");
    ProgramRun run = lint({m_dir.filePath("typo.sql")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(m_dir.filePath("typo.sql") + ":2:8: syntax error at or near \"TABEL\""), qPrintable(run.err));
    run = lint({m_dir.filePath("latin1.sql")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(m_dir.filePath("latin1.sql") + ":1:12: not valid UTF-8 (byte 0xe9)"), qPrintable(run.err));
    run = lint({m_dir.filePath("missing.sql")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("missing.sql: cannot read: no such file"), qPrintable(run.err));
    run = lint({"--rule", "ban-drop-colum=off", m_dir.filePath("typo.sql")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no rule is called \"ban-drop-colum\""), qPrintable(run.err));
    QCOMPARE(lint({"--rule", "ban-drop-column=fatal", m_dir.filePath("typo.sql")}).exitCode, 2);
    QCOMPARE(lint({"--format", "xml", m_dir.filePath("typo.sql")}).exitCode, 2);
}

void TestLintCommand::formatsForMachines()
{
    write(m_dir.filePath("two.sql"), "ALTER TABLE t ADD COLUMN c text NOT NULL;\nGRANT INSERT ON t TO anon;\n");
    ProgramRun run = lint({"--format", "json", m_dir.filePath("two.sql")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value("ok").toBool(true), false);
    QCOMPARE(json.value("findings").toArray().size(), 2);
    const QJsonObject first = json.value("findings").toArray().first().toObject();
    QCOMPARE(first.value("rule").toString(), QStringLiteral("adding-required-field"));
    QCOMPARE(first.value("line").toInt(), 1);
    QCOMPARE(first.value("severity").toString(), QStringLiteral("error"));
    QCOMPARE(json.value("summary").toObject().value("errors").toInt(), 1);

    run = lint({"--format", "github", m_dir.filePath("two.sql")});
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith("::error file=" + m_dir.filePath("two.sql") + ",line=1,col=26,title=adding-required-field::adds column c"),
             qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).startsWith("::warning file="));
    QVERIFY(!lines.at(0).contains('\n'));

    // SARIF 2.1.0: the fields its schema requires, and those code scanning reads.
    run = lint({"--format", "sarif", m_dir.filePath("two.sql")});
    const QJsonObject sarif = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(sarif.value("version").toString(), QStringLiteral("2.1.0"));
    const QJsonArray runs = sarif.value("runs").toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject driver = runs.first()["tool"]["driver"].toObject();
    QVERIFY(!driver.value("name").toString().isEmpty());
    const QJsonArray rules = driver.value("rules").toArray();
    QVERIFY(rules.size() >= 45);
    const QJsonArray results = runs.first()["results"].toArray();
    QCOMPARE(results.size(), 2);
    for (const QJsonValue &value : results) {
        const QJsonObject result = value.toObject();
        QVERIFY(!result["message"]["text"].toString().isEmpty());  // required
        const int index = result["ruleIndex"].toInt();
        QCOMPARE(rules.at(index)["id"].toString(), result["ruleId"].toString());
        const QJsonObject location = result["locations"].toArray().first()["physicalLocation"].toObject();
        QCOMPARE(location["artifactLocation"]["uri"].toString(), m_dir.filePath("two.sql"));
        QVERIFY(location["region"]["startLine"].toInt() >= 1);
    }
    QCOMPARE(results.at(1)["level"].toString(), QStringLiteral("warning"));
}

void TestLintCommand::listsTheCatalogueAsTheDocsShowIt()
{
    const ProgramRun run = lint({"--rules", "--format", "markdown"});
    QCOMPARE(run.exitCode, 0);
    QFile docs(QStringLiteral(ATLAS_SOURCE_DIR "/docs/lint.md"));
    QVERIFY(docs.open(QIODevice::ReadOnly));
    QVERIFY2(QString::fromUtf8(docs.readAll()) == run.out,
             "docs/lint.md differs from the catalogue: atlas-migrate lint --rules --format markdown > docs/lint.md");
    const ProgramRun list = lint({"--rules"});
    QVERIFY(list.out.split('\n', Qt::SkipEmptyParts).size() >= 45);
}

QTEST_GUILESS_MAIN(TestLintCommand)
#include "tst_lintcommand.moc"
