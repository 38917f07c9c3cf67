#include "support/TestDatabase.h"

#include "core/schema/SchemaCompare.h"
#include "db/schema/SchemaReader.h"
#include "db/schema/SchemaSourceReader.h"
#include "db/pg/Transaction.h"

#include <QProcess>

// Schema compare, round trip: for each pair of databases FROM and TO (made by hand, as the seed's
// production is), the generated migration applied to FROM makes it compare equal to TO, and
// pg_dump --schema-only of the two agrees; the down migration applied after it brings FROM back.
class TestSchemaCompare : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void equalPrivilegesGiveNothing();
    void renameIsDropAndCreateWithDataLoss();
    void enumValueRemovedIsAWarning();
    void replicaIdentityIndexIsAWarning();
    void aNarrowerTypeRefusesLongerValues();
    void columnOrderIsAWarning();
    void columnOrderIsMadeWithRowsOnRequest();
    void reorderedCountersGoOnAndLongValuesAreRefused();
    void theAtlasFolderEqualsItsAppliedDatabase();
    void realProjectFoldersRoundTrip_data();
    void realProjectFoldersRoundTrip();
    void realProjectTablesMadeAgainInAnotherOrder_data() { realProjectFoldersRoundTrip_data(); }
    void realProjectTablesMadeAgainInAnotherOrder();
    void aFolderThatDoesNotBuildSaysWhere();
    void readsEveryObjectOfManyTables();

private:
    static SchemaModel read(const TestDatabase &db, const SchemaScope &scope = SchemaScope::fromOptions({}, {}))
    {
        auto connection = db.connect();
        SchemaModel model;
        const PgResult result = readSchemaModel(*connection, scope, &model);
        if (!result.ok())
            qFatal("reading %s: %s", qPrintable(db.name()), qPrintable(result.error().toString()));
        model.source = db.name();
        return model;
    }
    static QString run(const TestDatabase &db, const QString &sql)
    {
        auto connection = db.connect();
        Transaction transaction(*connection);
        transaction.begin();
        const PgResult result = connection->exec(sql);
        if (!result.ok())
            return result.error().toString();
        const PgResult committed = transaction.commit();
        return committed.ok() ? QString() : committed.error().toString();
    }
    // The rows of a query, a line each, the values joined by '|'.
    static QString rows(const TestDatabase &db, const QString &sql)
    {
        auto connection = db.connect();
        const PgResult result = connection->exec(sql);
        if (!result.ok())
            return result.error().toString();
        QStringList lines;
        for (int row = 0; row < result.rowCount(); ++row) {
            QStringList values;
            for (int column = 0; column < result.columnCount(); ++column)
                values << result.value(row, column);
            lines << values.join(QLatin1Char('|'));
        }
        return lines.join(QLatin1Char('\n'));
    }
    static void compareDumps(const TestDatabase &a, const TestDatabase &b)
    {
        const QStringList aDump = schemaDump(a).split(QLatin1Char('\n'));
        const QStringList bDump = schemaDump(b).split(QLatin1Char('\n'));
        for (int line = 0; line < std::max(aDump.size(), bDump.size()); ++line)
            QVERIFY2(aDump.value(line) == bDump.value(line),
                     qPrintable(QStringLiteral("pg_dump differs at line %1:\n  %2: %3\n  %4: %5\n%6")
                                    .arg(line + 1).arg(a.name(), aDump.value(line), b.name(), bDump.value(line), bDump.mid(line - 8, 16).join('\n'))));
    }
    static QString differencesText(const QList<SchemaDifference> &differences)
    {
        QStringList lines;
        for (const SchemaDifference &d : differences)
            lines << QStringLiteral("%1 %2 %3\n  from: %4\n  to:   %5").arg(schemaDifferenceTypeName(d.type), d.kind, d.name, d.from, d.to);
        return lines.join(QLatin1Char('\n'));
    }
    static QString schemaDump(const TestDatabase &db)
    {
        QProcess dump;
        const QString bin = qEnvironmentVariable("PG_BINDIR", QStringLiteral("/usr/lib/postgresql/15/bin"));
        dump.start(bin + QStringLiteral("/pg_dump"), {QStringLiteral("--schema-only"), QStringLiteral("--no-comments"),
                                                      QStringLiteral("--exclude-schema=supabase_migrations"),
                                                      QStringLiteral("--exclude-schema=atlas_console"), QStringLiteral("-d"), db.name()});
        dump.waitForFinished(60000);
        QStringList lines;
        // \restrict carries a random key per run (pg_dump 15.14 and later).
        for (const QString &line : QString::fromUtf8(dump.readAllStandardOutput()).split(QLatin1Char('\n')))
            if (!line.startsWith(QLatin1String("\\restrict")) && !line.startsWith(QLatin1String("\\unrestrict")))
                lines << line;
        return dump.exitCode() == 0 ? lines.join(QLatin1Char('\n')) : QStringLiteral("pg_dump failed: ") + QString::fromUtf8(dump.readAllStandardError());
    }
};

void TestSchemaCompare::roundTrip_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("kinds");  // kinds the comparison must see differ

    QTest::newRow("tables and columns")
        << "CREATE TABLE public.usage (id int PRIMARY KEY, tier text DEFAULT 'free', note text, gone text, amount int NOT NULL);"
           "CREATE TABLE public.old_table (id int);"
        << "CREATE TABLE public.usage (id int PRIMARY KEY, tier text DEFAULT 'pro' NOT NULL, note text COLLATE \"C\", amount bigint,"
           " added int GENERATED ALWAYS AS (id * 2) STORED, counter bigint GENERATED BY DEFAULT AS IDENTITY);"
           "CREATE UNLOGGED TABLE public.fresh (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL DEFAULT '',"
           " at timestamptz DEFAULT now()) WITH (fillfactor = 70);"
           "CREATE TABLE public.serials (id bigserial PRIMARY KEY);"
        << QStringList{"table", "column", "sequence"};
    QTest::newRow("identity sequence options")
        << "CREATE TABLE public.tickets (id bigint GENERATED ALWAYS AS IDENTITY, n int GENERATED BY DEFAULT AS IDENTITY (START WITH 10),"
           " plain int, was_identity int GENERATED BY DEFAULT AS IDENTITY);"
        << "CREATE TABLE public.tickets (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 10 CACHE 20),"
           " n int GENERATED BY DEFAULT AS IDENTITY (START WITH 10), plain int GENERATED BY DEFAULT AS IDENTITY (MAXVALUE 5000 CYCLE),"
           " was_identity int);"
        << QStringList{"column"};
    QTest::newRow("type change with dependent view and policy")
        << "CREATE TABLE public.daily_usage (user_id uuid, n int, day date);"
           "ALTER TABLE public.daily_usage ENABLE ROW LEVEL SECURITY;"
           "CREATE POLICY own ON public.daily_usage FOR SELECT TO authenticated USING (n > 0 AND user_id = auth.uid());"
           "CREATE VIEW public.totals AS SELECT user_id, sum(n) AS total FROM public.daily_usage GROUP BY user_id;"
           "CREATE VIEW public.top AS SELECT * FROM public.totals WHERE total > 10;"
        << "CREATE TABLE public.daily_usage (user_id uuid, n bigint, day date);"
           "ALTER TABLE public.daily_usage ENABLE ROW LEVEL SECURITY;"
           "CREATE POLICY own ON public.daily_usage FOR SELECT TO authenticated USING (n > 0 AND user_id = auth.uid());"
           "CREATE VIEW public.totals AS SELECT user_id, sum(n) AS total FROM public.daily_usage GROUP BY user_id;"
           "CREATE VIEW public.top AS SELECT * FROM public.totals WHERE total > 10;"
        << QStringList{"column"};
    QTest::newRow("constraints and indexes")
        << "CREATE TABLE public.parent (id int PRIMARY KEY, code text);"
           "CREATE TABLE public.child (id int, parent_id int, during tsrange, score int);"
           "CREATE INDEX child_score ON public.child (score);"
        << "CREATE TABLE public.parent (id int PRIMARY KEY, code text UNIQUE);"
           "CREATE TABLE public.child (id int PRIMARY KEY, parent_id int REFERENCES public.parent (id) ON DELETE SET NULL"
           " ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED, during tsrange, score int,"
           " EXCLUDE USING gist (during WITH &&));"
           "ALTER TABLE public.child ADD CONSTRAINT score_positive CHECK (score > 0) NOT VALID;"
           "CREATE INDEX child_score ON public.child (score DESC) WHERE score IS NOT NULL;"
           "CREATE INDEX child_lower ON public.child USING hash ((lower(parent_id::text)));"
        << QStringList{"constraint", "index"};
    QTest::newRow("sequences")
        << "CREATE SEQUENCE public.tickets INCREMENT BY 1; CREATE SEQUENCE public.retired;"
        << "CREATE SEQUENCE public.tickets AS int INCREMENT BY 5 MAXVALUE 100000 START WITH 10 CACHE 4 CYCLE;"
           "CREATE TABLE public.holder (n bigint); ALTER SEQUENCE public.tickets OWNED BY public.holder.n;"
        << QStringList{"sequence"};
    QTest::newRow("functions, procedures and triggers")
        << "CREATE TABLE public.users (id uuid PRIMARY KEY, updated_at timestamptz);"
           "CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$;"
           "CREATE TRIGGER users_stamp BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.stamp();"
           "CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT 42';"
           "CREATE FUNCTION public.obsolete(a int) RETURNS int LANGUAGE sql AS 'SELECT a';"
        << "CREATE TABLE public.users (id uuid PRIMARY KEY, updated_at timestamptz);"
           "CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ''"
           " AS $$BEGIN NEW.updated_at := pg_catalog.now(); RETURN NEW; END$$;"
           "CREATE TRIGGER users_stamp BEFORE INSERT OR UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.stamp();"
           "ALTER TABLE public.users DISABLE TRIGGER users_stamp;"
           "CREATE FUNCTION public.answer() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT 42::bigint';"
           "CREATE PROCEDURE public.tidy(days int DEFAULT 30) LANGUAGE sql AS $$DELETE FROM public.users WHERE updated_at < now() - make_interval(days => days)$$;"
           "CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ''"
           " AS $$BEGIN INSERT INTO public.users (id) VALUES (NEW.id); RETURN NEW; END$$;"
           "CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();"
        << QStringList{"function", "trigger"};
    QTest::newRow("enums and domains")
        << "CREATE TYPE public.tier AS ENUM ('free', 'pro');"
           "CREATE DOMAIN public.positive AS int CHECK (VALUE > 0);"
           "CREATE TABLE public.plans (tier public.tier, seats public.positive);"
        << "CREATE TYPE public.tier AS ENUM ('trial', 'free', 'plus', 'pro', 'enterprise');"
           "CREATE DOMAIN public.positive AS int DEFAULT 1 NOT NULL CONSTRAINT positive_check CHECK (VALUE > 0) CONSTRAINT small CHECK (VALUE < 1000);"
           "CREATE TABLE public.plans (tier public.tier DEFAULT 'free', seats public.positive);"
           "CREATE TYPE public.pair AS (a int, b text); CREATE TYPE public.span AS RANGE (subtype = int4);"
        << QStringList{"type", "constraint"};
    QTest::newRow("rls and policies")
        << "CREATE TABLE public.notes (id int, owner uuid, body text);"
           "CREATE POLICY read_own ON public.notes FOR SELECT USING (owner = auth.uid());"
           "CREATE POLICY gone ON public.notes FOR DELETE USING (false);"
        << "CREATE TABLE public.notes (id int, owner uuid, body text);"
           "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY; ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;"
           "CREATE POLICY read_own ON public.notes AS RESTRICTIVE FOR SELECT TO authenticated USING ((SELECT auth.uid()) = owner);"
           "CREATE POLICY write_own ON public.notes FOR INSERT TO authenticated WITH CHECK (owner = auth.uid());"
           "CREATE POLICY \"Avatars are public\" ON storage.objects FOR SELECT USING (bucket_id = 'avatars');"
        << QStringList{"policy", "table"};
    QTest::newRow("grants and default privileges")
        << "CREATE TABLE public.open (id int, secret text); CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
        << "CREATE TABLE public.open (id int, secret text); CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
           "REVOKE ALL ON public.open FROM anon; GRANT SELECT (id) ON public.open TO anon;"
           "GRANT SELECT ON public.open TO authenticated WITH GRANT OPTION;"
           "REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC, anon;"
           "CREATE TABLE public.private_log (line text); REVOKE ALL ON public.private_log FROM anon, authenticated;"
           "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon;"
           "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;"
        << QStringList{"grant", "default privilege"};
    QTest::newRow("partitions, their parents and indexes")
        << "CREATE SCHEMA archive;"
        << "CREATE SCHEMA archive;"
           "CREATE TABLE public.messages (id bigint, sent date NOT NULL, body text) PARTITION BY RANGE (sent);"
           "CREATE TABLE archive.m_2020 PARTITION OF public.messages FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');"
           "CREATE TABLE public.messages_2026 PARTITION OF public.messages FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"
           "CREATE INDEX messages_sent ON public.messages (sent);"
           "ALTER TABLE public.messages ENABLE ROW LEVEL SECURITY;"
        << QStringList{"table", "index"};
    QTest::newRow("functions and views that use each other")
        << "CREATE TABLE public.users (id int PRIMARY KEY, active boolean, code int);"
           "CREATE FUNCTION public.next_code() RETURNS int LANGUAGE sql AS 'SELECT 1';"
           "ALTER TABLE public.users ALTER COLUMN code SET DEFAULT public.next_code();"
           "CREATE TABLE public.scores (n int, doubled int GENERATED ALWAYS AS (n * 2) STORED);"
           "CREATE FUNCTION public.total() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM public.scores; END;"
        << "CREATE TABLE public.users (id int PRIMARY KEY, active boolean, code bigint);"
           "CREATE FUNCTION public.next_code() RETURNS bigint LANGUAGE sql AS 'SELECT 2::bigint';"
           "ALTER TABLE public.users ALTER COLUMN code SET DEFAULT public.next_code();"
           "CREATE FUNCTION public.active_users() RETURNS SETOF public.users LANGUAGE sql STABLE AS 'SELECT * FROM public.users WHERE active';"
           "CREATE VIEW public.active_ids AS SELECT id FROM public.active_users();"
           "CREATE FUNCTION public.ids_block() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;"
           "CREATE TRIGGER active_ids_block INSTEAD OF INSERT ON public.active_ids FOR EACH ROW EXECUTE FUNCTION public.ids_block();"
           "CREATE TABLE public.scores (n bigint, doubled bigint GENERATED ALWAYS AS (n * 2) STORED);"
           "CREATE FUNCTION public.total() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT sum(n) FROM public.scores; END;"
        << QStringList{"function", "view", "trigger", "column"};
    QTest::newRow("owners, table and column grants, recreated table in a publication")
        << "CREATE VIEW public.v AS SELECT 1 AS one; CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS one;"
           "CREATE TYPE public.pair AS (a int, b text); CREATE TABLE public.uses_pair (p public.pair);"
           "CREATE TABLE public.profiles (id int, name text); GRANT UPDATE ON public.profiles TO anon; GRANT UPDATE (name) ON public.profiles TO anon;"
           "CREATE TABLE public.feed (id int, at date); ALTER PUBLICATION supabase_realtime ADD TABLE public.feed;"
        << "CREATE VIEW public.v AS SELECT 1 AS one; CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS one;"
           "CREATE TYPE public.pair AS (a int, b text); CREATE TABLE public.uses_pair (p public.pair);"
           "ALTER VIEW public.v OWNER TO supabase_admin; ALTER MATERIALIZED VIEW public.mv OWNER TO supabase_admin;"
           "ALTER TYPE public.pair OWNER TO supabase_admin;"
           "CREATE TABLE public.profiles (id int, name text); REVOKE UPDATE ON public.profiles FROM anon; GRANT UPDATE (name) ON public.profiles TO anon;"
           "CREATE TABLE public.feed (id int, at date NOT NULL) PARTITION BY RANGE (at); ALTER PUBLICATION supabase_realtime ADD TABLE public.feed;"
        << QStringList{"view", "type", "grant", "table"};
    QTest::newRow("column statistics, storage and compression")
        << "CREATE TABLE public.events (id bigint, payload jsonb, body text, note text);"
           "ALTER TABLE public.events ALTER COLUMN payload SET STATISTICS 1000, ALTER COLUMN body SET STORAGE EXTERNAL,"
           " ALTER COLUMN note SET COMPRESSION lz4;"
           "INSERT INTO public.events VALUES (1, '{}', 'b', 'n');"
        << "CREATE TABLE public.events (id bigint, payload jsonb, body text, note text, extra text COMPRESSION lz4);"
           "ALTER TABLE public.events ALTER COLUMN id SET STATISTICS 50, ALTER COLUMN body SET STORAGE MAIN,"
           " ALTER COLUMN extra SET STATISTICS 200;"
           "CREATE TABLE public.archive (body text);"
           "ALTER TABLE public.archive ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN body SET STATISTICS 10;"
        << QStringList{"column", "table"};
    QTest::newRow("schemas, extensions, publications, comments, materialized views")
        << "CREATE TABLE public.items (id int PRIMARY KEY, name text); COMMENT ON COLUMN public.items.name IS 'old';"
           "CREATE SCHEMA retired;"
        << "CREATE EXTENSION citext WITH SCHEMA extensions;"
           "CREATE SCHEMA reporting; CREATE TABLE reporting.events (id int, email extensions.citext);"
           "CREATE TABLE public.items (id int PRIMARY KEY, name text);"
           "COMMENT ON TABLE public.items IS 'What users own';"
           "COMMENT ON SCHEMA reporting IS 'For the BI tool';"
           "CREATE MATERIALIZED VIEW reporting.item_names AS SELECT name FROM public.items;"
           "CREATE INDEX item_names_name ON reporting.item_names (name);"
           "ALTER PUBLICATION supabase_realtime ADD TABLE public.items;"
           "CREATE PUBLICATION audit FOR TABLE reporting.events (id) WHERE (id > 0) WITH (publish = 'insert');"
           "CREATE SCHEMA feeds; CREATE TABLE feeds.news (id int);"
           "CREATE PUBLICATION everything_in_feeds FOR TABLES IN SCHEMA feeds;"
        << QStringList{"schema", "extension", "publication", "comment", "view"};
}

void TestSchemaCompare::roundTrip()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, kinds);
    TestDatabase fromDb, toDb, originalDb;
    QCOMPARE(run(fromDb, from), QString());
    QCOMPARE(run(originalDb, from), QString());
    QCOMPARE(run(toDb, to), QString());

    const SchemaCompareResult result = compareSchemaModels(read(fromDb), read(toDb));
    QVERIFY(!result.equal());
    QVERIFY2(result.up.warnings.isEmpty(), qPrintable(result.up.warnings.join('\n')));
    for (const QString &kind : kinds)
        QVERIFY2(std::any_of(result.differences.cbegin(), result.differences.cend(), [&](const SchemaDifference &d) { return d.kind == kind; }),
                 qPrintable(kind + QStringLiteral(" not among:\n") + differencesText(result.differences)));

    // An owner alone changes in place: nothing is dropped for it.
    QVERIFY2(!result.upScript().contains(QLatin1String("DROP VIEW public.v;")) && !result.upScript().contains(QLatin1String("DROP MATERIALIZED VIEW public.mv"))
                 && !result.upScript().contains(QLatin1String("DROP TYPE public.pair")),
             qPrintable(result.upScript()));
    QString failure = run(fromDb, result.upScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.upScript()));
    const SchemaCompareResult after = compareSchemaModels(read(fromDb), read(toDb));
    QVERIFY2(after.equal(), qPrintable(differencesText(after.differences) + QStringLiteral("\n--- up was:\n") + result.upScript()));
    compareDumps(fromDb, toDb);
    if (QTest::currentTestFailed())
        return;

    failure = run(fromDb, result.downScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.downScript()));
    // What the down migration cannot do (an enum value removed) it says, and only that remains.
    const SchemaCompareResult back = compareSchemaModels(read(fromDb), read(originalDb));
    for (const SchemaDifference &difference : back.differences)
        QVERIFY2(std::any_of(result.down.warnings.cbegin(), result.down.warnings.cend(),
                             [&](const QString &warning) { return warning.contains(difference.name + QLatin1Char(' ')); }),
                 qPrintable(differencesText(back.differences) + QStringLiteral("\n--- down was:\n") + result.downScript()));
}

void TestSchemaCompare::equalPrivilegesGiveNothing()
{
    // The same access reached differently: granted by another role, spelled out or left default.
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.t (id int); GRANT SELECT ON public.t TO anon;"
                    "CREATE POLICY p ON public.t FOR SELECT TO authenticated, anon USING (true);"
                    "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.t (id int); REVOKE ALL ON public.t FROM anon; GRANT ALL ON public.t TO anon;"
                    "CREATE POLICY p ON public.t FOR SELECT TO anon, authenticated USING (true);"
                    "GRANT SELECT ON public.t TO anon;"
                    "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'; GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC;"),
             QString());
    QCOMPARE(run(b, "SET ROLE supabase_admin; GRANT SELECT ON public.t TO anon; RESET ROLE;"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    QVERIFY2(result.equal(), qPrintable(differencesText(result.differences)));
    QVERIFY(result.up.statements.isEmpty());
}

void TestSchemaCompare::renameIsDropAndCreateWithDataLoss()
{
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.conversations (id int, conversation_count int);"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.chats (id int, conversation_count int);"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    const auto drop = std::find_if(result.up.statements.cbegin(), result.up.statements.cend(),
                                   [](const GeneratedStatement &s) { return s.sql.startsWith(QLatin1String("DROP TABLE public.conversations")); });
    QVERIFY(drop != result.up.statements.cend());
    QVERIFY(drop->dataLoss);
    QVERIFY2(drop->note.contains(QLatin1String("rename of public.conversations to public.chats")), qPrintable(drop->note));
    QVERIFY(result.upScript().contains(QLatin1String("-- DATA LOSS: looks like a rename")));
    QVERIFY(std::any_of(drop->findings.cbegin(), drop->findings.cend(), [](const LintFinding &f) { return f.rule == QLatin1String("ban-drop-table"); }));
    QVERIFY(result.upScript().contains(QLatin1String("CREATE TABLE public.chats")));
}

void TestSchemaCompare::enumValueRemovedIsAWarning()
{
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TYPE public.mood AS ENUM ('calm', 'tense', 'angry');"), QString());
    QCOMPARE(run(b, "CREATE TYPE public.mood AS ENUM ('calm', 'angry');"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    QCOMPARE(result.up.warnings.size(), 1);
    QVERIFY2(result.up.warnings.first().contains(QLatin1String("public.mood")), qPrintable(result.up.warnings.first()));
    QVERIFY(result.upScript().contains(QLatin1String("-- WARNING: enum public.mood")));
    // The other way round it is a value added, in place.
    QVERIFY2(result.downScript().contains(QLatin1String("ALTER TYPE public.mood ADD VALUE 'tense' AFTER 'calm';")), qPrintable(result.downScript()));
    QVERIFY(result.down.warnings.isEmpty());

    // A new value used in the same migration: said, since PostgreSQL refuses it before a commit.
    TestDatabase c;
    QCOMPARE(run(c, "CREATE TYPE public.mood AS ENUM ('calm', 'tense', 'angry'); CREATE TABLE public.m (v public.mood DEFAULT 'tense');"), QString());
    const SchemaCompareResult used = compareSchemaModels(read(b), read(c));
    QCOMPARE(used.up.warnings.size(), 1);
    QVERIFY2(used.up.warnings.first().contains(QLatin1String("adds the enum value 'tense'")), qPrintable(used.up.warnings.first()));
}

void TestSchemaCompare::replicaIdentityIndexIsAWarning()
{
    // Which index REPLICA IDENTITY USING INDEX names is not read: said, not reset to DEFAULT.
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.ri (id int PRIMARY KEY, b text);"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.ri (id int PRIMARY KEY, b text); ALTER TABLE public.ri REPLICA IDENTITY USING INDEX ri_pkey;"), QString());
    const SchemaCompareResult result = compareSchemaModels(read(a), read(b));
    QVERIFY(!result.equal());
    QVERIFY(result.up.statements.isEmpty());
    QCOMPARE(result.up.warnings.size(), 1);
    QVERIFY2(result.up.warnings.first().contains(QLatin1String("public.ri has REPLICA IDENTITY USING INDEX")), qPrintable(result.up.warnings.first()));
    QVERIFY(result.upScript().contains(QLatin1String("No statement: what differs needs a hand")));
}

void TestSchemaCompare::aNarrowerTypeRefusesLongerValues()
{
    // USING b::varchar(5) would cut 'abcdefghij' to 'abcde' without a word: the migration stops
    // instead, and goes through once the values fit.
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE TABLE public.t (id int, b text); INSERT INTO public.t VALUES (1, 'abcdefghij');"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.t (id int, b varchar(5));"), QString());
    const QString up = compareSchemaModels(read(a), read(b)).upScript();
    QVERIFY2(up.contains(QLatin1String("USING b::character varying;")), qPrintable(up));
    QVERIFY2(run(a, up).contains(QLatin1String("value too long for type character varying(5)")), qPrintable(up));
    QCOMPARE(rows(a, "SELECT b FROM public.t"), QStringLiteral("abcdefghij"));
    QCOMPARE(run(a, "UPDATE public.t SET b = 'abc';"), QString());
    QCOMPARE(run(a, up), QString());
    QVERIFY(compareSchemaModels(read(a), read(b)).equal());
}

void TestSchemaCompare::columnOrderIsAWarning()
{
    // A column the target has in the middle comes at the end when the migration adds it: said, and
    // pg_dump of the two shows that order.
    TestDatabase a, b, c;
    QCOMPARE(run(a, "CREATE TABLE public.notes (id int, body text);"), QString());
    QCOMPARE(run(b, "CREATE TABLE public.notes (id int, title text, body text);"), QString());
    const SchemaCompareResult added = compareSchemaModels(read(a), read(b));
    QCOMPARE(added.differences.size(), 1);
    QCOMPARE(added.up.warnings.size(), 1);
    QVERIFY2(added.up.warnings.first().contains(QLatin1String("public.notes: after this migration its columns are in the order (id, body, title), the target's are (id, title, body)")),
             qPrintable(added.up.warnings.first()));
    QVERIFY(added.upScript().contains(QLatin1String("-- WARNING: public.notes: after this migration its columns")));
    QCOMPARE(run(a, added.upScript()), QString());
    QVERIFY(compareSchemaModels(read(a), read(b)).equal());
    QVERIFY(schemaDump(a) != schemaDump(b));
    // The way back drops the column: the order that remains is the target's.
    QVERIFY2(added.down.warnings.isEmpty(), qPrintable(added.down.warnings.join('\n')));

    // Only the order differs: equal, with the note.
    TestDatabase d;
    QCOMPARE(run(c, "CREATE TABLE public.notes (body text, id int);"), QString());
    QCOMPARE(run(d, "CREATE TABLE public.notes (id int, body text);"), QString());
    const SchemaCompareResult reordered = compareSchemaModels(read(c), read(d));
    QVERIFY(reordered.equal());
    QCOMPARE(reordered.up.warnings.size(), 1);
    QVERIFY2(reordered.up.warnings.first().contains(QLatin1String("(body, id), the target's are (id, body)")), qPrintable(reordered.up.warnings.first()));
}

void TestSchemaCompare::columnOrderIsMadeWithRowsOnRequest()
{
    // A table whose columns TO has in another order, with everything a real one carries: an
    // identity, a serial's sequence, a generated column, constraints, an expression index, a
    // foreign key each way, a view, a trigger, forced RLS with a policy, column grants, a comment,
    // realtime's publication; and one of the same name in another schema. Its rows must survive.
    const QString common = QStringLiteral(
        "CREATE SCHEMA app; CREATE TABLE public.authors (id int PRIMARY KEY, name text);"
        "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;");
    const QString after = QStringLiteral(
        "CREATE UNIQUE INDEX notes_lower_body ON public.notes (lower(body));"
        "CREATE TABLE public.replies (id int, note bigint REFERENCES public.notes (id));"
        "CREATE VIEW public.note_bodies AS SELECT id, body FROM public.notes;"
        "CREATE TRIGGER notes_touch BEFORE UPDATE ON public.notes FOR EACH ROW EXECUTE FUNCTION public.touch();"
        "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY; ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;"
        "CREATE POLICY own ON public.notes FOR SELECT TO authenticated USING (author = 1);"
        "GRANT SELECT (id, body) ON public.notes TO anon; GRANT SELECT, INSERT ON public.notes TO authenticated;"
        "COMMENT ON TABLE public.notes IS 'What users write';"
        "ALTER PUBLICATION supabase_realtime ADD TABLE public.notes;"
        // A policy of one table made again that reads another made again.
        "CREATE POLICY sees_counters ON public.refs USING (EXISTS (SELECT 1 FROM public.counters c WHERE c.id = refs.id));");
    const QString from = common + QStringLiteral(
        "CREATE TABLE public.notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " author int REFERENCES public.authors ON DELETE CASCADE, serial_no serial, body text NOT NULL CHECK (body <> ''),"
        " words int GENERATED ALWAYS AS (length(body)) STORED, obsolete text);"
        "CREATE TABLE app.notes (b text, a int);"
        "CREATE TABLE public.counters (v text, qty text, id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);"
        "CREATE TABLE public.refs (n text, id int PRIMARY KEY);") + after;
    const QString to = common + QStringLiteral(
        "CREATE TABLE public.notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text DEFAULT 'untitled',"
        " body text NOT NULL CHECK (body <> ''), author int REFERENCES public.authors ON DELETE CASCADE, serial_no serial,"
        " words int GENERATED ALWAYS AS (length(body)) STORED);"
        "CREATE TABLE app.notes (a int, b text);"
        "CREATE TABLE public.counters (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, qty integer, v text);"
        "CREATE TABLE public.refs (id int PRIMARY KEY, n text);") + after;
    const QString rowsBefore = QStringLiteral(
        "INSERT INTO public.authors VALUES (1, 'a'), (2, 'b');"
        "INSERT INTO public.notes (author, body, obsolete) VALUES (1, 'first', 'x'), (2, 'second', 'y'), (1, 'third', NULL);"
        "DELETE FROM public.notes WHERE body = 'third';"  // the identity and the serial are at 3, the rows at 2
        "INSERT INTO public.replies VALUES (1, 1); INSERT INTO app.notes VALUES ('bee', 1);"
        // A counter restarted and not used since: it must go on at 1000.
        "INSERT INTO public.counters (v, qty) VALUES ('a', '5'), ('b', '7'); ALTER TABLE public.counters ALTER COLUMN id RESTART WITH 1000;"
        "INSERT INTO public.refs VALUES ('r', 1);");
    TestDatabase fromDb, toDb, originalDb;
    QCOMPARE(run(fromDb, from + rowsBefore), QString());
    QCOMPARE(run(originalDb, from), QString());
    QCOMPARE(run(toDb, to), QString());

    SchemaCompareOptions reorder;
    reorder.reorderColumns = true;
    const SchemaCompareResult result = compareSchemaModels(read(fromDb), read(toDb), reorder);
    QVERIFY2(result.up.warnings.isEmpty(), qPrintable(result.up.warnings.join('\n')));
    const auto table = std::find_if(result.differences.cbegin(), result.differences.cend(),
                                    [](const SchemaDifference &d) { return d.key() == QLatin1String("table app.notes"); });
    QVERIFY2(table != result.differences.cend(), qPrintable(differencesText(result.differences)));
    QVERIFY2(table->from.endsWith(QLatin1String("-- columns in order: b, a")) && table->to.endsWith(QLatin1String("-- columns in order: a, b")),
             qPrintable(table->from + QStringLiteral(" / ") + table->to));
    const QString up = result.upScript();
    // Two tables named notes (with indexes of the same names): each waits in a schema of its own.
    QVERIFY2(up.contains(QLatin1String("ALTER TABLE app.notes SET SCHEMA atlas_reorder_1;"))
                 && up.contains(QLatin1String("ALTER TABLE public.notes SET SCHEMA atlas_reorder_3;")), qPrintable(up));
    const auto dropOld = std::find_if(result.up.statements.cbegin(), result.up.statements.cend(), [](const GeneratedStatement &s) {
        return s.sql.startsWith(QLatin1String("DROP TABLE atlas_reorder_"));
    });
    QVERIFY2(dropOld != result.up.statements.cend() && dropOld->dataLoss && dropOld->note.contains(QLatin1String("obsolete")), qPrintable(up));

    QString failure = run(fromDb, up);
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + up));
    const SchemaCompareResult same = compareSchemaModels(read(fromDb), read(toDb), reorder);
    QVERIFY2(same.equal() && same.up.warnings.isEmpty(), qPrintable(differencesText(same.differences) + same.up.warnings.join('\n') + QStringLiteral("\n--- up was:\n") + up));
    compareDumps(fromDb, toDb);
    if (QTest::currentTestFailed())
        return;
    // The rows, in the new order; the counters go on where they were; nothing left aside.
    QCOMPARE(rows(fromDb, "SELECT * FROM public.notes ORDER BY id"), QStringLiteral("1|untitled|first|1|1|5\n2|untitled|second|2|2|6"));
    QCOMPARE(rows(fromDb, "INSERT INTO public.notes (body) VALUES ('fourth') RETURNING id, serial_no"), QStringLiteral("4|4"));
    QCOMPARE(rows(fromDb, "SELECT * FROM app.notes"), QStringLiteral("1|bee"));
    QCOMPARE(rows(fromDb, "SELECT * FROM public.counters ORDER BY id"), QStringLiteral("1|5|a\n2|7|b"));  // qty cast to integer
    QCOMPARE(rows(fromDb, "INSERT INTO public.counters (v) VALUES ('c') RETURNING id"), QStringLiteral("1000"));
    QCOMPARE(rows(fromDb, "SELECT count(*) FROM public.replies JOIN public.notes ON notes.id = replies.note"), QStringLiteral("1"));
    QCOMPARE(rows(fromDb, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'atlas_reorder%'"), QStringLiteral("0"));

    // And back: the dropped column comes back empty, the order is FROM's again.
    failure = run(fromDb, result.downScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.downScript()));
    const SchemaCompareResult back = compareSchemaModels(read(fromDb), read(originalDb), reorder);
    QVERIFY2(back.equal(), qPrintable(differencesText(back.differences) + QStringLiteral("\n--- down was:\n") + result.downScript()));
    compareDumps(fromDb, originalDb);
    QCOMPARE(rows(fromDb, "SELECT id, author, body, obsolete IS NULL FROM public.notes ORDER BY id"),
             QStringLiteral("1|1|first|t\n2|2|second|t\n4||fourth|t"));

    // Without the option the order stays a warning, which names the option.
    const SchemaCompareResult warned = compareSchemaModels(read(originalDb), read(toDb));
    QVERIFY(std::none_of(warned.up.statements.cbegin(), warned.up.statements.cend(),
                         [](const GeneratedStatement &s) { return s.sql.contains(QLatin1String("atlas_reorder")); }));
    QCOMPARE(warned.up.warnings.size(), 4);
    QVERIFY2(warned.up.warnings.first().contains(QLatin1String("--reorder-columns")), qPrintable(warned.up.warnings.first()));

    // A table whose row type another table's column, or a domain, uses is not made again: said why.
    const QList<std::pair<const char *, const char *>> rowTypeUsers{
        {"CREATE TABLE public.holder (snap public.p);", "its row type is used by column public.holder.snap"},
        {"CREATE DOMAIN public.p_dom AS public.p;", "its row type is used by type public.p_dom"}};
    for (const auto &[user, reason] : rowTypeUsers) {
        TestDatabase typeFrom, typeTo;
        QCOMPARE(run(typeFrom, QStringLiteral("CREATE TABLE public.p (id int PRIMARY KEY, a text, b text); ") + QLatin1String(user)), QString());
        QCOMPARE(run(typeTo, QStringLiteral("CREATE TABLE public.p (id int PRIMARY KEY, b text, a text); ") + QLatin1String(user)), QString());
        const SchemaCompareResult typed = compareSchemaModels(read(typeFrom), read(typeTo), reorder);
        QVERIFY(typed.up.statements.isEmpty());
        QCOMPARE(typed.up.warnings.size(), 1);
        QVERIFY2(typed.up.warnings.first().contains(QLatin1String(reason)), qPrintable(typed.up.warnings.first()));
    }
}

void TestSchemaCompare::reorderedCountersGoOnAndLongValuesAreRefused()
{
    // A default calling a sequence the table does not own becomes an identity; an identity becomes
    // a serial: both go on from the old counter. A value too long for the new varchar(5) stops the
    // migration (an explicit cast would have cut it), and nothing has changed then.
    TestDatabase a, b;
    QCOMPARE(run(a, "CREATE SEQUENCE public.s; CREATE TABLE public.sh (id int DEFAULT nextval('public.s') PRIMARY KEY, b text, a text);"
                    "INSERT INTO public.sh (b) VALUES ('x'), ('y');"
                    "CREATE TABLE public.ii (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, b text, a text);"
                    "INSERT INTO public.ii (b) VALUES ('x'), ('y'), ('z');"
                    "CREATE TABLE public.vv (id int, b varchar(20), a text); INSERT INTO public.vv VALUES (1, 'abcdefghij', 'q');"), QString());
    QCOMPARE(run(b, "CREATE SEQUENCE public.s; CREATE TABLE public.sh (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, a text, b text);"
                    "CREATE TABLE public.ii (id serial PRIMARY KEY, a text, b text); CREATE TABLE public.vv (id int, a text, b varchar(5));"), QString());
    SchemaCompareOptions reorder;
    reorder.reorderColumns = true;
    QString up = compareSchemaModels(read(a), read(b), reorder).upScript();
    QVERIFY2(run(a, up).contains(QLatin1String("value too long for type character varying(5)")), qPrintable(up));
    QCOMPARE(rows(a, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'atlas_reorder%'"), QStringLiteral("0"));
    QCOMPARE(rows(a, "SELECT b FROM public.vv"), QStringLiteral("abcdefghij"));
    QCOMPARE(run(a, "UPDATE public.vv SET b = 'abc';"), QString());
    up = compareSchemaModels(read(a), read(b), reorder).upScript();
    QCOMPARE(run(a, up), QString());
    QVERIFY(compareSchemaModels(read(a), read(b), reorder).equal());
    QCOMPARE(rows(a, "INSERT INTO public.sh (a) VALUES ('n') RETURNING id"), QStringLiteral("3"));
    QCOMPARE(rows(a, "INSERT INTO public.ii (a) VALUES ('n') RETURNING id"), QStringLiteral("4"));
    QCOMPARE(rows(a, "SELECT b FROM public.vv"), QStringLiteral("abc"));
}

void TestSchemaCompare::theAtlasFolderEqualsItsAppliedDatabase()
{
    TestDatabase applied;
    {
        auto connection = applied.connect();
        MigrationRunner runner(*connection);
        const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
        for (const RunReport &report : runner.applyPending(catalog))
            QVERIFY2(report.ok, qPrintable(report.message));
    }
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const SchemaRead folder = reader.read({SchemaSource::Kind::Folder, QStringLiteral(ATLAS_MIGRATIONS_DIR)}, QString(), SchemaScope::fromOptions({}, {}));
    QVERIFY2(folder.ok(), qPrintable(folder.error));
    QVERIFY(folder.model.find(QStringLiteral("table public.daily_usage")));
    const SchemaCompareResult result = compareSchemaModels(folder.model, read(applied));
    QVERIFY2(result.equal(), qPrintable(differencesText(result.differences)));
    // The shadow database is gone.
    TestDatabase any;
    QCOMPARE(any.scalar("SELECT count(*) FROM pg_database WHERE datname LIKE 'atlas\\_shadow\\_%'"), QStringLiteral("0"));

    // Changed by hand, as the seed's production was: the comparison says what no migration made.
    QCOMPARE(run(applied, "CREATE INDEX daily_usage_by_hand ON public.daily_usage (created_at);"), QString());
    const SchemaCompareResult drifted = compareSchemaModels(folder.model, read(applied));
    QCOMPARE(drifted.differences.size(), 1);
    QCOMPARE(drifted.differences.first().name, QStringLiteral("public.daily_usage_by_hand"));
}

void TestSchemaCompare::realProjectFoldersRoundTrip_data()
{
    // The corpus's projects that build on Debian's PostgreSQL (the others need pg_net or vault).
    QTest::addColumn<QString>("folder");
    for (const char *project : {"apikeys", "avatars", "ledger", "pulled", "todos"})
        QTest::newRow(project) << QStringLiteral(ATLAS_SOURCE_DIR "/tests/corpus/%1/supabase/migrations").arg(QLatin1String(project));
}

void TestSchemaCompare::realProjectFoldersRoundTrip()
{
    // An empty project made into what the folder builds by the generated SQL alone (storage
    // policies, triggers on auth.users, $$ bodies, grants to the API roles, a db pull dump), and
    // back to empty by the down migration.
    QFETCH(QString, folder);
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const SchemaRead built = reader.read({SchemaSource::Kind::Folder, folder}, QString(), SchemaScope::fromOptions({}, {}));
    QVERIFY2(built.ok(), qPrintable(built.error));
    TestDatabase empty, pristine;
    const SchemaCompareResult result = compareSchemaModels(read(empty), built.model);
    QVERIFY(!result.equal());
    QVERIFY2(result.up.warnings.isEmpty(), qPrintable(result.up.warnings.join('\n')));
    QString failure = run(empty, result.upScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.upScript()));
    const SchemaCompareResult after = compareSchemaModels(read(empty), built.model);
    QVERIFY2(after.equal(), qPrintable(differencesText(after.differences)));
    failure = run(empty, result.downScript());
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + result.downScript()));
    const SchemaCompareResult back = compareSchemaModels(read(empty), read(pristine));
    QVERIFY2(back.equal(), qPrintable(differencesText(back.differences)));
}

void TestSchemaCompare::realProjectTablesMadeAgainInAnotherOrder()
{
    // Every table of a real project (storage policies, triggers on auth.users, views, foreign
    // keys, grants to the API roles) made again with its columns in the reverse order.
    QFETCH(QString, folder);
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const SchemaRead built = reader.read({SchemaSource::Kind::Folder, folder}, QString(), SchemaScope::fromOptions({}, {}));
    QVERIFY2(built.ok(), qPrintable(built.error));
    TestDatabase db;
    QCOMPARE(run(db, compareSchemaModels(read(db), built.model).upScript()), QString());
    const SchemaModel original = read(db);
    SchemaModel reversed;
    reversed.source = QStringLiteral("reversed");
    reversed.currentUser = original.currentUser;
    int tables = 0;
    for (const SchemaObject &object : original.objects()) {
        SchemaObject copy = object;
        copy.cachedKey.clear();
        if (object.kind == QLatin1String("column"))
            copy.position = -object.position;
        tables += object.kind == QLatin1String("table") ? 1 : 0;
        reversed.add(copy);
    }
    SchemaCompareOptions reorder;
    reorder.reorderColumns = true;
    const SchemaCompareResult result = compareSchemaModels(original, reversed, reorder);
    QVERIFY2(!result.equal() && result.up.warnings.isEmpty(), qPrintable(result.up.warnings.join('\n')));
    const QString up = result.upScript();
    QVERIFY2(up.count(QLatin1String(" SET SCHEMA atlas_reorder_")) >= std::min(tables, 1), qPrintable(up));
    const QString failure = run(db, up);
    QVERIFY2(failure.isEmpty(), qPrintable(failure + QStringLiteral("\n") + up));
    const SchemaCompareResult after = compareSchemaModels(read(db), reversed, reorder);
    QVERIFY2(after.equal(), qPrintable(differencesText(after.differences) + QStringLiteral("\n--- up was:\n") + up));
}

void TestSchemaCompare::aFolderThatDoesNotBuildSaysWhere()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("20260101000000_broken.sql")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int REFERENCES public.missing (id));\n");
    file.close();
    SchemaSourceReader reader(QStringLiteral("dbname=postgres"));
    const SchemaRead read = reader.read({SchemaSource::Kind::Folder, dir.path()}, QString(), SchemaScope::fromOptions({}, {}));
    QCOMPARE(read.failure, SchemaRead::Failure::BadInput);
    QVERIFY2(read.error.contains(QLatin1String("20260101000000")) && read.error.contains(QLatin1String("missing")), qPrintable(read.error));
    TestDatabase any;
    QCOMPARE(any.scalar("SELECT count(*) FROM pg_database WHERE datname LIKE 'atlas\\_shadow\\_%'"), QStringLiteral("0"));
}

void TestSchemaCompare::readsEveryObjectOfManyTables()
{
    TestDatabase db;
    QString many;
    for (int i = 0; i < 50; ++i)
        many += QStringLiteral("CREATE TABLE public.t%1 (id int PRIMARY KEY, v text); CREATE INDEX t%1_v ON public.t%1 (v);").arg(i);
    QCOMPARE(run(db, many), QString());
    const SchemaModel model = read(db);
    QVERIFY(model.find(QStringLiteral("index public.t49_v")));
    QVERIFY(model.find(QStringLiteral("constraint public.t0.t0_pkey")));
    QCOMPARE(model.children(QStringLiteral("public.t7"), QStringLiteral("column")).size(), 2);
    QCOMPARE(model.currentUser, QStringLiteral("postgres"));
    // Supabase's schemas are left out by default, read when asked for.
    QVERIFY(!model.find(QStringLiteral("table auth.users")));
    QVERIFY(read(db, SchemaScope::fromOptions({QStringLiteral("auth")}, {})).find(QStringLiteral("table auth.users")));
}

QTEST_GUILESS_MAIN(TestSchemaCompare)
#include "tst_schemacompare.moc"
