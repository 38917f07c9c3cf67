// Schema compare's pure parts, with hand-made models: ACL text, enum values added in place,
// privileges of new objects against the default privileges, sources and scopes.
#include "core/schema/AclText.h"
#include "core/schema/DependencyLinks.h"
#include "core/schema/MigrationGenerator.h"
#include "core/schema/PrivilegePlanner.h"
#include "core/schema/SchemaAlter.h"
#include "core/schema/SchemaDdl.h"
#include "core/schema/SchemaSource.h"
#include "core/schema/TableReorder.h"

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
    void dependenciesFollowCatalogAddresses();
    void aTableMadeAgainKeepsItsRows();
    void tablesOfOneNameAreMovedApart();
    void compositeAttributesChangeInPlace();
    void retypeNotesSayWhatItCosts();
};

void TestSchemaGeneration::compositeAttributesChangeInPlace()
{
    const auto composite = [](const QStringList &names, const QStringList &types) {
        return object(QStringLiteral("type"), QStringLiteral("public.addr"),
                      {{"typtype", "c"}, {"attribute_names", QJsonArray::fromStringList(names)}, {"attribute_types", QJsonArray::fromStringList(types)},
                       {"attributes", names.join(',') + types.join(',')}});
    };
    const SchemaObject before = composite({"street", "zip", "legacy"}, {"text", "text", "integer"});
    // Dropped, retyped and added at the end: in place.
    const SchemaObject after = composite({"street", "zip", "city"}, {"text", "character varying(10)", "text"});
    QVERIFY(SchemaAlter::attributesChangeInPlace(before, after));
    QVERIFY(!SchemaAlter::needsRecreate(before, after));
    QStringList warnings;
    QCOMPARE(SchemaAlter::alterComposite(before, after, {}, &warnings),
             QStringList{"ALTER TYPE public.addr DROP ATTRIBUTE legacy, ALTER ATTRIBUTE zip TYPE character varying(10), ADD ATTRIBUTE city text;"});
    QVERIFY(warnings.isEmpty());
    // A column has the type: PostgreSQL refuses the new attribute type, which is said instead.
    QCOMPARE(SchemaAlter::alterComposite(before, after, {"public.c.a"}, &warnings),
             QStringList{"ALTER TYPE public.addr DROP ATTRIBUTE legacy, ADD ATTRIBUTE city text;"});
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QLatin1String("attribute zip changes from text to character varying(10)"))
                 && warnings.first().contains(QLatin1String("(public.c.a)")),
             qPrintable(warnings.first()));
    // A new attribute before an old one, or two swapped: only by making the type again.
    QVERIFY(!SchemaAlter::attributesChangeInPlace(before, composite({"city", "street", "zip"}, {"text", "text", "text"})));
    QVERIFY(!SchemaAlter::attributesChangeInPlace(before, composite({"zip", "street"}, {"text", "text"})));
    QVERIFY(SchemaAlter::needsRecreate(before, composite({"zip", "street"}, {"text", "text"})));
}

void TestSchemaGeneration::retypeNotesSayWhatItCosts()
{
    const auto column = [](const QString &type) {
        return object(QStringLiteral("column"), QStringLiteral("public.t.c"), {{"type", type}, {"column", "c"}});
    };
    QVERIFY(SchemaAlter::retypeNote(column("character varying(20)"), column("text")).contains(QLatin1String("not rewritten")));
    QVERIFY(SchemaAlter::retypeNote(column("character varying(20)"), column("character varying(40)")).contains(QLatin1String("not rewritten")));
    QVERIFY(SchemaAlter::retypeNote(column("text"), column("character varying")).contains(QLatin1String("not rewritten")));
    QVERIFY(SchemaAlter::retypeNote(column("character varying(40)"), column("character varying(20)")).contains(QLatin1String("rewritten under")));
    QVERIFY(SchemaAlter::retypeNote(column("text"), column("character varying(20)")).contains(QLatin1String("rewritten under")));
    QVERIFY(SchemaAlter::retypeNote(column("integer"), column("bigint")).contains(QLatin1String("every value is cast")));
    QVERIFY(SchemaAlter::retypeNote(column("text"), column("text")).contains(QLatin1String("collation")));
}

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
    // The grant's attrs are the acl's and its own, the quoted role's quotes kept through json.
    QCOMPARE(grants.at(0).text("grantee"), QStringLiteral("\"My Role\""));
    QCOMPARE(grants.at(0).text("object"), QStringLiteral("public.t"));
    QCOMPARE(grants.at(0).text("on_kind"), QStringLiteral("table"));
    // As PostgreSQL writes a role named back\slash in an ACL array: quoted as an element, and within.
    const QList<SchemaObject> odd = grantsOfAcl(acl(QStringLiteral("table"), QStringLiteral("public.\"t\\x\""),
                                                    QStringLiteral(R"({"\"back\\slash\"=r/postgres"})")));
    QCOMPARE(odd.size(), 1);
    QCOMPARE(odd.at(0).name, QStringLiteral(R"(table public."t\x" to "back\slash")"));
    QCOMPARE(odd.at(0).text("grantee"), QStringLiteral(R"("back\slash")"));
    QCOMPARE(odd.at(0).text("object"), QStringLiteral(R"(public."t\x")"));
    QCOMPARE(odd.at(0).list("privileges"), QStringList{QStringLiteral("SELECT")});
    // A role named user is quoted for being a keyword: the text does not tell, the server's map does.
    const QList<SchemaObject> keyword = AclGrants({{QStringLiteral("user"), QStringLiteral("\"user\"")}})
                                            .of(acl(QStringLiteral("table"), QStringLiteral("public.t"), QStringLiteral("{user=r/postgres,anon=r/postgres}")));
    QCOMPARE(keyword.size(), 2);
    QCOMPARE(keyword.at(0).name, QStringLiteral(R"(table public.t to "user")"));
    QCOMPARE(keyword.at(0).text("grantee"), QStringLiteral(R"("user")"));
    QCOMPARE(keyword.at(1).name, QStringLiteral("table public.t to anon"));
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

void TestSchemaGeneration::dependenciesFollowCatalogAddresses()
{
    // pg_class 1259, pg_proc 1255, pg_rewrite 2618, pg_attrdef 2604, pg_type 1247.
    QList<SchemaObject> objects{object(QStringLiteral("table"), QStringLiteral("public.t"), {}),
                                object(QStringLiteral("column"), QStringLiteral("public.t.a"), {}),
                                object(QStringLiteral("view"), QStringLiteral("public.v"), {}),
                                object(QStringLiteral("view"), QStringLiteral("public.w"), {}),
                                object(QStringLiteral("function"), QStringLiteral("public.f()"), {}),
                                object(QStringLiteral("grant"), QStringLiteral("table public.t to anon"), {})};
    const QList<CatalogAddress> addresses{{1259, 100, 0}, {1259, 100, 1}, {1259, 200, 0}, {1259, 600, 0}, {1255, 300, 0}, {}};
    const QList<CatalogLink> links{
        {true, {2618, 400, 0}, {1259, 200, 0}},   // v's rule
        {true, {2618, 700, 0}, {1259, 600, 0}},   // w's rule
        {true, {2604, 500, 0}, {1259, 100, 1}},   // t.a's default
        {true, {1247, 900, 0}, {1259, 100, 0}},   // t's row type
        {false, {2618, 400, 0}, {1259, 100, 1}},  // v reads t.a
        {false, {2618, 400, 0}, {1259, 100, 1}},  // twice: once in its list
        {false, {2618, 400, 0}, {1259, 200, 1}},  // v's own column: not a dependency on itself
        {false, {2618, 700, 0}, {1259, 200, 2}},  // w reads a column of v: uses v
        {false, {2604, 500, 0}, {1255, 300, 0}},  // t.a's default calls f
        {false, {1255, 300, 0}, {1247, 900, 0}},  // f returns SETOF t
        {false, {1255, 300, 0}, {1255, 20, 0}},   // a built-in: left out
        {false, {1259, 999, 0}, {1259, 100, 0}},  // from outside the model: left out
    };
    linkDependencies(objects, addresses, links);
    QCOMPARE(objects.at(0).dependsOn, QStringList());
    QCOMPARE(objects.at(1).dependsOn, QStringList{QStringLiteral("function public.f()")});
    QCOMPARE(objects.at(2).dependsOn, QStringList{QStringLiteral("column public.t.a")});
    QCOMPARE(objects.at(3).dependsOn, QStringList{QStringLiteral("view public.v")});
    QCOMPARE(objects.at(4).dependsOn, QStringList{QStringLiteral("table public.t")});
    QCOMPARE(objects.at(5).dependsOn, QStringList());
}

void TestSchemaGeneration::aTableMadeAgainKeepsItsRows()
{
    // Quoted names, a dot inside quotes, an identity that was a serial, a generated column, a
    // column that becomes generated, one whose type changes, a column only FROM has and new ones
    // only TO has (one NOT NULL without a default).
    const SchemaObject table = object("table", "\"My.App\".\"Daily\"", {{"rls", true}});
    QCOMPARE(TableReorder::relationName(table), QStringLiteral("Daily"));
    QCOMPARE(SchemaDdl::castType("character varying(5)[]"), QStringLiteral("character varying[]"));
    QCOMPARE(SchemaDdl::castType("character(3)"), QStringLiteral("bpchar"));
    QCOMPARE(SchemaDdl::castType("bit(8)"), QStringLiteral("bit varying"));
    QCOMPARE(SchemaDdl::castType("numeric(10,2)"), QStringLiteral("numeric(10,2)"));
    const auto column = [](const QString &name, QJsonObject attrs) {
        attrs.insert("column", name);
        if (!attrs.contains("type"))
            attrs.insert("type", "integer");
        return object("column", "\"My.App\".\"Daily\"." + name, attrs);
    };
    const SchemaObject idBefore = column("\"Id\"", {{"default", "nextval('\"My.App\".daily_id_seq'::regclass)"}});
    const SchemaObject idAfter = column("\"Id\"", {{"identity", "d"}});
    const SchemaObject words = column("words", {{"generated", "length(body)"}});
    const SchemaObject totalBefore = column("total", {});
    const SchemaObject totalAfter = column("total", {{"generated", "2"}});
    const SchemaObject qtyBefore = column("qty", {{"type", "text"}});
    const SchemaObject qtyAfter = column("qty", {{"type", "integer"}});
    const SchemaObject codeBefore = column("code", {{"type", "text"}});
    const SchemaObject codeAfter = column("code", {{"type", "character(3)"}});
    const SchemaObject old = column("old", {});
    const SchemaObject added = column("added", {});
    const SchemaObject required = column("required", {{"not_null", true}});
    const SchemaObject sequence = object("sequence", "\"My.App\".daily_seq", {{"owned_by", "\"My.App\".\"Daily\".qty"}});

    QStringList sql;
    for (const GeneratedStatement &statement : TableReorder::moveAside(table, 2, {&sequence}))
        sql << statement.sql;
    QCOMPARE(sql, (QStringList{"ALTER SEQUENCE \"My.App\".daily_seq OWNED BY NONE;", "CREATE SCHEMA atlas_reorder_2;",
                               "ALTER TABLE \"My.App\".\"Daily\" SET SCHEMA atlas_reorder_2;",
                               "ALTER TABLE atlas_reorder_2.\"Daily\" DISABLE ROW LEVEL SECURITY;"}));

    QStringList warnings, leftBehind;
    const QList<GeneratedStatement> refilled = TableReorder::refill(table, 2, {&old, &qtyBefore, &idBefore, &words, &totalBefore, &codeBefore},
                                                                    {&idAfter, &added, &required, &qtyAfter, &words, &totalAfter, &codeAfter},
                                                                    &warnings, &leftBehind);
    QCOMPARE(refilled.size(), 2);
    QCOMPARE(refilled.at(0).sql, QStringLiteral("INSERT INTO \"My.App\".\"Daily\" (\"Id\", qty, code) SELECT \"Id\", qty::integer, code::bpchar FROM atlas_reorder_2.\"Daily\";"));
    QVERIFY2(refilled.at(0).note.contains(QLatin1String("qty from text to integer")), qPrintable(refilled.at(0).note));
    QVERIFY2(refilled.at(1).sql.startsWith(QLatin1String("DO $atlas$")) && refilled.at(1).sql.contains(QLatin1String("pg_get_serial_sequence('atlas_reorder_2.\"Daily\"', 'Id')"))
                 && refilled.at(1).sql.contains(QLatin1String("setval(pg_get_serial_sequence('\"My.App\".\"Daily\"', 'Id'), value, used)")),
             qPrintable(refilled.at(1).sql));
    QCOMPARE(leftBehind, (QStringList{"\"My.App\".\"Daily\".total (computed from now on)", "\"My.App\".\"Daily\".old"}));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QLatin1String("\"My.App\".\"Daily\".required is new, NOT NULL and without a default")), qPrintable(warnings.first()));

    // Dropped together at the end, flagged when values stay behind.
    const QList<GeneratedStatement> dropped = TableReorder::dropMoved({{"\"My.App\".\"Daily\"", 2}, {"public.t", 3}}, leftBehind);
    QCOMPARE(dropped.at(0).sql, QStringLiteral("DROP TABLE atlas_reorder_2.\"Daily\", atlas_reorder_3.t;"));
    QVERIFY(dropped.at(0).dataLoss && dropped.at(0).ignore.isEmpty());
    QCOMPARE(dropped.at(1).sql, QStringLiteral("DROP SCHEMA atlas_reorder_2, atlas_reorder_3;"));
    QVERIFY(!TableReorder::dropMoved({{"public.t", 1}}, {}).first().ignore.isEmpty());  // nothing lost: not a real drop
}

void TestSchemaGeneration::tablesOfOneNameAreMovedApart()
{
    // Three schemas with a table t whose columns change order: each waits in a schema of its own
    // (their indexes, t_pkey each, would clash in one).
    SchemaModel from, to;
    QSet<QString> reorder;
    for (const QString &schema : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        const QString table = schema + QStringLiteral(".t");
        for (SchemaModel *model : {&from, &to}) {
            model->add(object("table", table, {}));
            const QStringList order = model == &from ? QStringList{"y", "x"} : QStringList{"x", "y"};
            for (int at = 0; at < order.size(); ++at) {
                SchemaObject column = object("column", table + QLatin1Char('.') + order.at(at), {{"column", order.at(at)}, {"type", "integer"}});
                column.parent = table;
                column.position = at + 1;
                model->add(column);
            }
        }
        reorder.insert(table);
    }
    QStringList moves;
    for (const GeneratedStatement &statement : generateMigration(from, to, reorder).statements)
        if (statement.sql.contains(QLatin1String(" SET SCHEMA ")) || statement.sql.startsWith(QLatin1String("DROP ")))
            moves << statement.sql;
    QCOMPARE(moves, (QStringList{"ALTER TABLE a.t SET SCHEMA atlas_reorder_1;", "ALTER TABLE b.t SET SCHEMA atlas_reorder_2;",
                                 "ALTER TABLE c.t SET SCHEMA atlas_reorder_3;",
                                 "DROP TABLE atlas_reorder_1.t, atlas_reorder_2.t, atlas_reorder_3.t;",
                                 "DROP SCHEMA atlas_reorder_1, atlas_reorder_2, atlas_reorder_3;"}));
}

QTEST_APPLESS_MAIN(TestSchemaGeneration)
#include "tst_schemageneration.moc"
