// Schema compare's pure parts, with hand-made models: ACL text, enum values added in place,
// privileges of new objects against the default privileges, sources and scopes.
#include "core/schema/AclText.h"
#include "core/schema/PrivilegePlanner.h"
#include "core/schema/SchemaAlter.h"
#include "core/schema/SchemaSource.h"

#include <QJsonArray>
#include <QtTest>

namespace {

SchemaObject object(const QString &kind, const QString &name, const QJsonObject &attrs, const QString &definition = QString())
{
    SchemaObject o;
    o.kind = kind;
    o.name = name;
    o.schema = name.section(QLatin1Char('.'), 0, 0);
    o.attrs = attrs;
    o.definition = definition.isEmpty() ? name : definition;
    return o;
}

SchemaObject acl(const QString &onKind, const QString &objectName, const QString &text)
{
    SchemaObject o = object(QStringLiteral("acl"), onKind + QLatin1Char(' ') + objectName, {{"on_kind", onKind}, {"object", objectName}}, text);
    return o;
}

}  // namespace

class TestSchemaGeneration : public QObject {
    Q_OBJECT
private slots:
    void aclTextBecomesGrantsPerGrantee();
    void enumValuesAreAddedWhereTheyGo();
    void enumValueRemovedCannotBeAltered();
    void aNewTableStartsWithTheDefaultPrivileges();
    void sourcesAndScopes();
};

void TestSchemaGeneration::aclTextBecomesGrantsPerGrantee()
{
    const QList<SchemaObject> grants = grantsOfAcl(
        acl(QStringLiteral("table"), QStringLiteral("public.t"),
            QStringLiteral("{postgres=arwdDxt/postgres,=r/postgres,anon=r*w/supabase_admin,\"\\\"My Role\\\"=a/postgres\",anon=d/postgres}")));
    QCOMPARE(grants.size(), 4);
    QStringList seen;
    for (const SchemaObject &grant : grants)
        seen << grant.name + QStringLiteral(": ") + grant.definition;
    QCOMPARE(seen, (QStringList{"table public.t to \"My Role\": INSERT", "table public.t to PUBLIC: SELECT",
                                "table public.t to anon: DELETE, SELECT WITH GRANT OPTION, UPDATE",
                                "table public.t to postgres: DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE"}));
    QCOMPARE(grants.at(2).list("privileges"), (QStringList{"DELETE", "SELECT*", "UPDATE"}));
    QVERIFY(grantsOfAcl(acl(QStringLiteral("table"), QStringLiteral("public.t"), QStringLiteral("{}"))).isEmpty());
}

void TestSchemaGeneration::enumValuesAreAddedWhereTheyGo()
{
    const SchemaObject before = object(QStringLiteral("type"), QStringLiteral("public.tier"),
                                       {{"typtype", "e"}, {"labels", QJsonArray{"'free'", "'pro'"}}});
    const SchemaObject after = object(QStringLiteral("type"), QStringLiteral("public.tier"),
                                      {{"typtype", "e"}, {"labels", QJsonArray{"'trial'", "'beta'", "'free'", "'plus'", "'pro'", "'max'"}}});
    QStringList warnings;
    QCOMPARE(SchemaAlter::alter(before, after, &warnings),
             (QStringList{"ALTER TYPE public.tier ADD VALUE 'trial' BEFORE 'free';", "ALTER TYPE public.tier ADD VALUE 'beta' AFTER 'trial';",
                          "ALTER TYPE public.tier ADD VALUE 'plus' AFTER 'free';", "ALTER TYPE public.tier ADD VALUE 'max' AFTER 'pro';"}));
    QVERIFY(warnings.isEmpty());
    QVERIFY(!SchemaAlter::needsRecreate(before, after));
}

void TestSchemaGeneration::enumValueRemovedCannotBeAltered()
{
    const SchemaObject before = object(QStringLiteral("type"), QStringLiteral("public.tier"),
                                       {{"typtype", "e"}, {"labels", QJsonArray{"'free'", "'pro'"}}});
    const SchemaObject reordered = object(QStringLiteral("type"), QStringLiteral("public.tier"),
                                          {{"typtype", "e"}, {"labels", QJsonArray{"'pro'", "'free'"}}});
    QStringList warnings;
    QVERIFY(SchemaAlter::alter(before, reordered, &warnings).isEmpty());
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QLatin1String("cannot remove an enum value")), qPrintable(warnings.first()));
}

void TestSchemaGeneration::aNewTableStartsWithTheDefaultPrivileges()
{
    // FROM: a Supabase project's public schema grants new tables to anon by default. TO: a new
    // table anon must not read. The generated SQL revokes what the default gave.
    SchemaModel from;
    from.currentUser = QStringLiteral("postgres");
    for (const QString &grantee : {QStringLiteral("anon"), QStringLiteral("authenticated")})
        from.add(object(QStringLiteral("default privilege"), QStringLiteral("for postgres in schema public on tables to ") + grantee,
                        {{"role", "postgres"}, {"in_schema", "public"}, {"schema", "public"}, {"on", "tables"}, {"grantee", grantee},
                         {"privileges", QJsonArray{"DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"}}}));
    SchemaModel to;
    to.currentUser = QStringLiteral("postgres");
    for (const SchemaObject &rule : from.objects())
        to.add(rule);
    to.add(object(QStringLiteral("table"), QStringLiteral("public.secrets"), {{"owner", "postgres"}}));
    for (const SchemaObject &grant : grantsOfAcl(acl(QStringLiteral("table"), QStringLiteral("public.secrets"),
                                                     QStringLiteral("{postgres=arwdDxt/postgres,authenticated=r/postgres}"))))
        to.add(grant);
    const PrivilegePlan plan = planPrivileges(from, to, {QStringLiteral("table public.secrets")});
    QCOMPARE(plan.grants, (QStringList{"REVOKE DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE public.secrets FROM anon;",
                                       "REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON TABLE public.secrets FROM authenticated;"}));
    QVERIFY(plan.defaultPrivileges.isEmpty());
    // The same table already there with the same grants: nothing.
    SchemaModel before = to;
    QVERIFY(planPrivileges(before, to, {}).grants.isEmpty());
}

void TestSchemaGeneration::sourcesAndScopes()
{
    QString error;
    SchemaSource source = SchemaSource::parse(QStringLiteral("profile:staging"), &error);
    QCOMPARE(source.kind, SchemaSource::Kind::Profile);
    QCOMPARE(source.value, QStringLiteral("staging"));
    source = SchemaSource::parse(QStringLiteral("folder: supabase/migrations"), &error);
    QCOMPARE(source.kind, SchemaSource::Kind::Folder);
    QCOMPARE(source.value, QStringLiteral("supabase/migrations"));
    QVERIFY(error.isEmpty());
    source = SchemaSource::parse(QStringLiteral("postgresql://postgres:secret@db.example:5432/postgres"), &error);
    QCOMPARE(source.kind, SchemaSource::Kind::Connection);
    QVERIFY2(!source.describe().contains(QLatin1String("secret")), qPrintable(source.describe()));
    SchemaSource::parse(QStringLiteral("folder:"), &error);
    QVERIFY2(error.contains(QLatin1String("needs a path")), qPrintable(error));

    SchemaScope scope = SchemaScope::fromOptions({}, {});
    QVERIFY(scope.excluded.contains(QStringLiteral("auth")) && scope.excluded.contains(QStringLiteral("supabase_migrations")));
    QVERIFY(scope.attached.contains(QStringLiteral("storage")));
    scope = SchemaScope::fromOptions({}, {QStringLiteral("storage")});
    QVERIFY(!scope.attached.contains(QStringLiteral("storage")));
    scope = SchemaScope::fromOptions({QStringLiteral("auth")}, {});
    QCOMPARE(scope.included, QStringList{QStringLiteral("auth")});
    QVERIFY(!scope.excluded.contains(QStringLiteral("auth")));
}

QTEST_APPLESS_MAIN(TestSchemaGeneration)
#include "tst_schemageneration.moc"
