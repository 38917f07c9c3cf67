#include "support/TestDatabase.h"

#include "core/catalog/MigrationCatalog.h"
#include "db/advise/AdvisorRunner.h"

// Supabase's advisors run live: each check flags a database changed by hand the way it warns of,
// says nothing of the same database once its fix ran, and the usage tables as the migrations
// make them raise no error.
class TestAdvisors : public QObject {
    Q_OBJECT
private slots:
    void everyCheckFlagsAndItsFixClears();
    void theAtlasMigrationsRaiseNoError();

private:
    static QStringList found(PgConnection &connection, const QString &check)
    {
        QList<AdvisorFinding> findings;
        const PgResult result = runAdvisors(connection, {QStringLiteral("public")}, &findings);
        if (!result.ok())
            return {QStringLiteral("ERROR ") + result.error().toString()};
        QStringList objects;
        for (const AdvisorFinding &finding : findings) {
            if (finding.check == check)
                objects << finding.object;
        }
        return objects;
    }
    static QString fixOf(PgConnection &connection, const QString &check, const QString &object)
    {
        QList<AdvisorFinding> findings;
        runAdvisors(connection, {QStringLiteral("public")}, &findings);
        for (const AdvisorFinding &finding : findings) {
            if (finding.check == check && finding.object == object)
                return finding.fix;
        }
        return QString();
    }
};

void TestAdvisors::everyCheckFlagsAndItsFixClears()
{
    TestDatabase db;
    auto c = db.connect();
    QVERIFY(c->exec(QStringLiteral(
        "CREATE TABLE public.open_notes (body text);"
        "CREATE TABLE public.guarded (id bigint PRIMARY KEY, owner uuid REFERENCES auth.users (id));"
        "ALTER TABLE public.guarded ENABLE ROW LEVEL SECURITY;"
        "CREATE POLICY p1 ON public.guarded FOR SELECT TO authenticated USING (owner = auth.uid());"
        "CREATE POLICY p2 ON public.guarded FOR SELECT TO authenticated USING (false);"
        "CREATE TABLE public.lonely (id bigint PRIMARY KEY); ALTER TABLE public.lonely ENABLE ROW LEVEL SECURITY;"
        "CREATE TABLE public.ignored (id bigint PRIMARY KEY); CREATE POLICY p ON public.ignored USING (true);"
        "CREATE VIEW public.user_emails AS SELECT id, email FROM auth.users; GRANT SELECT ON public.user_emails TO anon;"
        "CREATE INDEX twin_a ON public.guarded (owner); CREATE INDEX twin_b ON public.guarded (owner);"
        "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
        "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;")).ok());
    QCOMPARE(found(*c, "rls_disabled_in_public"), (QStringList{"public.ignored", "public.open_notes"}));
    QCOMPARE(found(*c, "no_primary_key"), QStringList{"public.open_notes"});
    QCOMPARE(found(*c, "rls_enabled_no_policy"), QStringList{"public.lonely"});
    QVERIFY(found(*c, "policy_exists_rls_disabled").contains("public.ignored"));
    QCOMPARE(found(*c, "security_definer_view"), QStringList{"public.user_emails"});
    QCOMPARE(found(*c, "auth_users_exposed"), QStringList{"public.user_emails"});
    QCOMPARE(found(*c, "multiple_permissive_policies"), QStringList{"public.guarded"});
    QCOMPARE(found(*c, "auth_rls_initplan"), QStringList{"public.guarded"});
    QCOMPARE(found(*c, "duplicate_index"), QStringList{"public.guarded"});
    QCOMPARE(found(*c, "function_search_path_mutable"), QStringList{"public.f()"});
    QCOMPARE(found(*c, "extension_in_public"), QStringList{"pg_trgm"});
    QVERIFY(found(*c, "unused_index").contains("public.twin_a"));
    QVERIFY(found(*c, "unindexed_foreign_keys").isEmpty());  // twin_a covers guarded.owner
    // Their fixes, as the console offers them, clear them.
    for (const auto &[check, object] : QList<QPair<QString, QString>>{{"rls_disabled_in_public", "public.open_notes"},
                                                                      {"security_definer_view", "public.user_emails"},
                                                                      {"auth_users_exposed", "public.user_emails"},
                                                                      {"duplicate_index", "public.guarded"},
                                                                      {"function_search_path_mutable", "public.f()"},
                                                                      {"no_primary_key", "public.open_notes"},
                                                                      {"policy_exists_rls_disabled", "public.ignored"}}) {
        const QString fix = fixOf(*c, check, object);
        QVERIFY2(!fix.isEmpty(), qPrintable(check));
        const PgResult ran = c->exec(fix);
        QVERIFY2(ran.ok(), qPrintable(check + ": " + fix + ": " + ran.error().toString()));
        QVERIFY2(!found(*c, check).contains(object), qPrintable(check));
    }
    // The duplicate's fix dropped twin_b; without twin_a too the foreign key has no index.
    QVERIFY(c->exec(QStringLiteral("DROP INDEX IF EXISTS public.twin_b; DROP INDEX IF EXISTS public.twin_a;")).ok());
    QCOMPARE(found(*c, "unindexed_foreign_keys"), QStringList{"public.guarded"});
    QVERIFY(c->exec(fixOf(*c, "unindexed_foreign_keys", "public.guarded").replace("CONCURRENTLY ", "")).ok());
    QVERIFY(found(*c, "unindexed_foreign_keys").isEmpty());
    // (SELECT auth.uid()) is evaluated once: not flagged.
    QVERIFY(c->exec(QStringLiteral("ALTER POLICY p1 ON public.guarded USING (owner = (SELECT auth.uid()))")).ok());
    QVERIFY(found(*c, "auth_rls_initplan").isEmpty());
}

void TestAdvisors::theAtlasMigrationsRaiseNoError()
{
    TestDatabase db;
    auto c = db.connect();
    MigrationRunner runner(*c, TestDatabase::runnerOptions());
    for (const MigrationFile &migration : scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).migrations)
        QVERIFY(runner.apply(migration).ok || migration.version == QLatin1String("20251002091500"));  // pg_cron's may be absent
    QList<AdvisorFinding> findings;
    QVERIFY(runAdvisors(*c, {QStringLiteral("public")}, &findings).ok());
    QStringList errors;
    for (const AdvisorFinding &finding : findings) {
        if (finding.level == AdvisorCheck::Level::Error)
            errors << finding.check + ' ' + finding.object;
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(", ")));
}

QTEST_GUILESS_MAIN(TestAdvisors)
#include "tst_advisors.moc"
