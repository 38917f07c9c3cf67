#include "core/catalog/MigrationCatalog.h"
#include "core/catalog/NewMigration.h"
#include "core/lint/Linter.h"
#include "core/sql/SqlScript.h"
#include "core/sqleditor/DownScript.h"

#include <QTemporaryDir>
#include <QtTest>

// The SQL editor's "Save as migration": where the files go and what the down file says.
class TestNewMigration : public QObject {
    Q_OBJECT
private slots:
    void namesTheFilesAsTheCliDoes();
    void refusesBadNamesAndTakenVersions();
    void derivesTheDownFile();
    void saysWhatItCannotDerive();
};

void TestNewMigration::namesTheFilesAsTheCliDoes()
{
    QTemporaryDir dir;
    const QDateTime now(QDate(2026, 12, 2), QTime(13, 45, 7), Qt::UTC);
    const NewMigrationPlan plan = planNewMigration(dir.path(), QStringLiteral("Add tier-index"), now);
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.version, QStringLiteral("20261202134507"));
    QCOMPARE(QFileInfo(plan.upPath).fileName(), QStringLiteral("20261202134507_add_tier_index.sql"));
    QCOMPARE(QFileInfo(plan.downPath).fileName(), QStringLiteral("20261202134507_add_tier_index.down.sql"));
    // In a Supabase CLI folder the down file goes under down/, which the CLI does not run.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("supabase/migrations")));
    const QString cli = dir.filePath(QStringLiteral("supabase/migrations"));
    QVERIFY(isSupabaseCliFolder(cli));
    QVERIFY(!isSupabaseCliFolder(dir.path()));
    QCOMPARE(planNewMigration(cli, QStringLiteral("x"), now).downPath, cli + QStringLiteral("/down/20261202134507_x.sql"));
    QString version, name, problem;
    QVERIFY(splitMigrationName(QStringLiteral("20261202134507_add_tier_index"), &version, &name, &problem));
}

void TestNewMigration::refusesBadNamesAndTakenVersions()
{
    QTemporaryDir dir;
    const QDateTime now(QDate(2026, 12, 2), QTime(13, 45, 7), Qt::UTC);
    QVERIFY(planNewMigration(dir.path(), QStringLiteral("  "), now).error.contains("needs a name"));
    QVERIFY(planNewMigration(dir.path(), QStringLiteral("drop; table"), now).error.contains("letters, digits and '_' only"));
    QVERIFY(planNewMigration(dir.filePath("missing"), QStringLiteral("x"), now).error.contains("does not exist"));
    QFile taken(dir.filePath(QStringLiteral("20261202134507_other.sql")));
    QVERIFY(taken.open(QIODevice::WriteOnly));
    taken.close();
    QVERIFY(planNewMigration(dir.path(), QStringLiteral("x"), now).error.contains("version 20261202134507 exists"));
}

void TestNewMigration::derivesTheDownFile()
{
    const QString up = QStringLiteral(
        "CREATE TABLE public.notes (id bigint PRIMARY KEY, user_id uuid);\n"
        "CREATE INDEX notes_user_idx ON public.notes (user_id);\n"
        "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;\n"
        "CREATE POLICY own_notes ON public.notes USING (user_id = auth.uid());\n"
        "CREATE FUNCTION public.note_count() RETURNS bigint LANGUAGE sql SET search_path = '' AS 'SELECT count(*) FROM public.notes';\n"
        "CREATE VIEW public.note_totals WITH (security_invoker = true) AS SELECT count(*) FROM public.notes;\n"
        "CREATE INDEX daily_usage_tier_idx ON public.daily_usage (tier);\n");
    const DerivedDown down = deriveDownScript(parseSqlScript(up));
    QVERIFY(down.complete);
    const QStringList statements = down.sql.split('\n').filter(QRegularExpression(QStringLiteral("^[A-Z]")));
    QCOMPARE(statements, (QStringList{"DROP INDEX IF EXISTS public.daily_usage_tier_idx;", "DROP VIEW IF EXISTS public.note_totals;",
                                      "DROP FUNCTION IF EXISTS public.note_count;", "DROP TABLE IF EXISTS public.notes;"}));
    // The linter's rule agrees: nothing of the up file is left.
    LintFile file;
    file.name = QStringLiteral("x.sql");
    file.sql = up;
    file.hasDown = true;
    file.downSql = down.sql;
    for (const LintFinding &finding : lintFile(file).findings)
        QVERIFY2(finding.rule != QLatin1String("down-does-not-undo"), qPrintable(finding.message));
}

void TestNewMigration::saysWhatItCannotDerive()
{
    const DerivedDown down = deriveDownScript(parseSqlScript(QStringLiteral(
        "ALTER TABLE public.daily_usage ADD COLUMN note text;\nUPDATE public.daily_usage SET note = '' WHERE note IS NULL;\nSELECT 1;")));
    QVERIFY(!down.complete);
    QVERIFY2(down.sql.contains("-- line 1: ALTER TABLE — undo by hand"), qPrintable(down.sql));
    QVERIFY(down.sql.contains("-- line 2: UPDATE — undo by hand"));
    QVERIFY(!down.sql.contains("line 3"));  // a SELECT changes nothing
}

QTEST_APPLESS_MAIN(TestNewMigration)
#include "tst_newmigration.moc"
