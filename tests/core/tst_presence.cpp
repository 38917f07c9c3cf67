#include "core/status/Presence.h"

#include <QtTest>

// Migrations applied by hand: which checks say so, and what the status and an apply make of them.
class TestPresence : public QObject {
    Q_OBJECT
private slots:
    void checksOfWhatEachMigrationMakes();
    void anObjectAnEarlierMigrationMakesSaysNothing();
    void aTableMadeAgainSaysNothing();
    void presentPartlyOrPending();
    void aVerifyScriptCanOnlySayPresent();
    void anApplyMeetsThePresentOnesInItsRange();
    void theRefusalNamesTheWayOut();
};

namespace {

MigrationCatalog catalogOf(const QList<QPair<QString, QString>> &files)
{
    MigrationCatalog catalog;
    for (const auto &[version, sql] : files) {
        MigrationFile file;
        file.version = version;
        file.name = QStringLiteral("m");
        file.up = MigrationScript(QStringLiteral("/m/%1_m.sql").arg(version), QStringLiteral("%1_m.sql").arg(version), sql);
        catalog.migrations.append(file);
    }
    return catalog;
}

QStringList namesOf(const QList<DerivedCheck> &checks)
{
    QStringList names;
    for (const DerivedCheck &check : checks)
        names << check.name;
    return names;
}

MigrationStatusRow pendingRow(const QString &version)
{
    MigrationStatusRow row;
    row.version = version;
    row.name = QStringLiteral("m");
    row.hasFile = true;
    return row;
}

PresenceEvidence found(const QList<QPair<QString, bool>> &results, bool fromVerifyScript = false)
{
    PresenceEvidence evidence;
    evidence.fromVerifyScript = fromVerifyScript;
    for (const auto &[name, passed] : results)
        evidence.checks.append({name, passed, QString()});
    return evidence;
}

}  // namespace

void TestPresence::checksOfWhatEachMigrationMakes()
{
    const MigrationCatalog catalog = catalogOf({
        {"1", "CREATE TABLE public.notes (id int, body text);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n"
              "CREATE POLICY own ON notes USING (true);\nCREATE INDEX notes_body ON notes (body);\nCREATE INDEX ON notes (id);\n"
              "INSERT INTO notes VALUES (1, 'x');"},
        {"2", "ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;"},
        {"3", "UPDATE notes SET body = upper(body);"},
    });
    const QHash<QString, QList<DerivedCheck>> checks = presenceChecks(catalog, {"1", "2", "3"});
    // No rows read, no nameless index; RLS alone (2) and no objects (3) are no sign.
    QCOMPARE(namesOf(checks.value("1")).join(" | "),
             QStringList({"table public.notes exists", "row level security enabled on public.notes",
                          "policy \"own\" on public.notes exists", "index notes_body on public.notes exists"}).join(" | "));
    QVERIFY(!checks.contains("2"));
    QVERIFY(!checks.contains("3"));
}

void TestPresence::anObjectAnEarlierMigrationMakesSaysNothing()
{
    const MigrationCatalog catalog = catalogOf({
        {"1", "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
              "CREATE TABLE a (id int);"},
        {"2", "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
              "CREATE TABLE b (id int);"},
        {"3", "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"},
    });
    const QHash<QString, QList<DerivedCheck>> checks = presenceChecks(catalog, {"2", "3"});
    QCOMPARE(namesOf(checks.value("2")).join(" | "), QStringLiteral("table public.b exists"));
    QVERIFY(!checks.contains("3"));
}

void TestPresence::aTableMadeAgainSaysNothing()
{
    // Moved aside, dropped or renamed before it is created: it was there before the file ran; so
    // were the view and the other table's policy dropped and created again around it. A table
    // dropped IF EXISTS may never have been there: it still counts.
    const MigrationCatalog catalog = catalogOf({
        {"1", "DROP VIEW public.profile_names;\n"
              "DROP MATERIALIZED VIEW public.profile_counts;\n"
              "DROP POLICY \"reads profiles\" ON public.notes;\n"
              "CREATE SCHEMA atlas_reorder_1;\n"
              "ALTER TABLE public.profiles SET SCHEMA atlas_reorder_1;\n"
              "DROP TABLE old_notes;\n"
              "ALTER TABLE events RENAME TO events_before;\n"
              "DROP TABLE IF EXISTS widgets;\n"
              "CREATE TABLE public.profiles (id uuid, username text);\n"
              "CREATE TABLE old_notes (id int); CREATE TABLE events (id int); CREATE TABLE widgets (id int);\n"
              "INSERT INTO public.profiles SELECT id, username FROM atlas_reorder_1.profiles;\n"
              "ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;\n"
              "CREATE POLICY own ON public.profiles USING (true);\n"
              "CREATE INDEX profiles_username ON public.profiles (username);\n"
              "CREATE VIEW public.profile_names AS SELECT username FROM public.profiles;\n"
              "CREATE POLICY \"reads profiles\" ON public.notes USING (EXISTS (SELECT 1 FROM public.profiles));\n"
              "CREATE MATERIALIZED VIEW public.profile_counts AS SELECT count(*) AS n FROM public.profiles;\n"
              "CREATE UNIQUE INDEX profile_counts_n ON public.profile_counts (n);\n"
              "CREATE TRIGGER names_insert INSTEAD OF INSERT ON public.profile_names FOR EACH ROW EXECUTE FUNCTION public.touch();\n"
              "CREATE TABLE public.chats (id int);"},
    });
    const QHash<QString, QList<DerivedCheck>> checks = presenceChecks(catalog, {"1"});
    QCOMPARE(namesOf(checks.value("1")).join(" | "), QStringLiteral("table public.widgets exists | table public.chats exists"));
}

void TestPresence::presentPartlyOrPending()
{
    QList<MigrationStatusRow> rows{pendingRow("1"), pendingRow("2"), pendingRow("3"), pendingRow("4")};
    rows[3].recorded = true;
    rows[3].state = MigrationState::Applied;
    QHash<QString, PresenceEvidence> evidence;
    evidence.insert("1", found({{"table public.a exists", true}, {"index a_x on public.a exists", true}}));
    evidence.insert("2", found({{"table public.b exists", true}, {"policy \"p\" on public.b exists", false},
                                {"row level security enabled on public.b", false}}));
    evidence.insert("3", found({{"table public.c exists", false}, {"row level security enabled on public.c", false}}));
    evidence.insert("4", found({{"table public.d exists", true}}));
    applyPresence(&rows, evidence);
    QCOMPARE(rows[0].state, MigrationState::PresentNotRecorded);
    QCOMPARE(rows[0].detail, QStringLiteral("no history row, but what it creates is in the database (all 2: table public.a, "
                                            "index a_x on public.a): applied by hand?"));
    QCOMPARE(rows[1].state, MigrationState::PartlyPresent);
    QCOMPARE(rows[1].detail, QStringLiteral("no history row; part of what it creates is in the database (1 of 3: table public.b), "
                                            "the rest is not (policy \"p\" on public.b, row level security enabled on public.b)"));
    // Long lists are cut: the first few, and how many more.
    QList<QPair<QString, bool>> many;
    for (int i = 1; i <= 9; ++i)
        many.append({QStringLiteral("table public.t%1 exists").arg(i), i <= 5});
    QList<MigrationStatusRow> big{pendingRow("9")};
    applyPresence(&big, {{"9", found(many)}});
    QCOMPARE(big[0].detail, QStringLiteral("no history row; part of what it creates is in the database (5 of 9: table public.t1, "
                                           "table public.t2, table public.t3 and 2 more), the rest is not (table public.t6, "
                                           "table public.t7, table public.t8, table public.t9)"));
    QCOMPARE(rows[2].state, MigrationState::Pending);
    QVERIFY(rows[2].detail.isEmpty());
    QCOMPARE(rows[3].state, MigrationState::Applied);  // recorded: evidence changes nothing
    // RLS on, objects missing: not "partly".
    QList<MigrationStatusRow> rlsOnly{pendingRow("5")};
    applyPresence(&rlsOnly, {{"5", found({{"table public.e exists", false}, {"row level security enabled on public.e", true}})}});
    QCOMPARE(rlsOnly[0].state, MigrationState::Pending);
    QCOMPARE(migrationStateName(MigrationState::PresentNotRecorded), QStringLiteral("present, not recorded"));
    QCOMPARE(migrationStateName(MigrationState::PartlyPresent), QStringLiteral("partly present"));
}

void TestPresence::aVerifyScriptCanOnlySayPresent()
{
    QList<MigrationStatusRow> rows{pendingRow("1"), pendingRow("2")};
    applyPresence(&rows, {{"1", found({{"tier check allows free, core, studio", true}, {"no legacy tiers", true}}, true)},
                          {"2", found({{"tier check allows free, core, studio", true}, {"no legacy tiers", false}}, true)}});
    QCOMPARE(rows[0].state, MigrationState::PresentNotRecorded);
    QCOMPARE(rows[0].detail, QStringLiteral("no history row, but its verify script passes (2 checks): applied by hand? (Apply runs "
                                            "it again; Repair > Mark applied records it without running it)"));
    QVERIFY(rows[0].presentByVerifyScript);
    // Shown, but an apply still runs it.
    QVERIFY(presentUnrecorded(rows, QString(), true).isEmpty());
    MigrationCatalog catalog;
    for (const char *version : {"1", "2"}) {
        MigrationFile file;
        file.version = QString::fromLatin1(version);
        catalog.migrations.append(file);
    }
    QCOMPARE(pendingMigrations(catalog, rows, QString(), false).size(), 2);
    // A failing verify check is no sign of half an apply: still pending.
    QCOMPARE(rows[1].state, MigrationState::Pending);
}

void TestPresence::anApplyMeetsThePresentOnesInItsRange()
{
    QList<MigrationStatusRow> rows{pendingRow("1"), pendingRow("2"), pendingRow("3"), pendingRow("4")};
    rows[0].state = MigrationState::PresentNotRecorded;
    rows[1].recorded = true;
    rows[1].state = MigrationState::Applied;
    rows[2].state = MigrationState::PartlyPresent;
    rows[3].state = MigrationState::PresentNotRecorded;
    const auto versions = [](const QList<MigrationStatusRow> &found) {
        QStringList out;
        for (const MigrationStatusRow &row : found)
            out << row.version;
        return out;
    };
    // 1 is older than the newest recorded (2): an out-of-order apply meets it, a plain one does not.
    QCOMPARE(versions(presentUnrecorded(rows, QString(), false)), QStringList({"3", "4"}));
    QCOMPARE(versions(presentUnrecorded(rows, QString(), true)), QStringList({"1", "3", "4"}));
    QCOMPARE(versions(presentUnrecorded(rows, "3", false)), QStringList({"3"}));
    QCOMPARE(versions(presentUnrecorded(rows, "2", false)), QStringList());
}

void TestPresence::theRefusalNamesTheWayOut()
{
    MigrationStatusRow row = pendingRow("20250918");
    row.state = MigrationState::PresentNotRecorded;
    row.detail = QStringLiteral("no history row, but what it creates is in the database (table public.daily_usage): applied by hand?");
    QCOMPARE(presentRefusal(row, "20250918_create_usage_tracking_tables"),
             QStringLiteral("20250918_create_usage_tracking_tables has no history row, but what it creates is in the database "
                            "(table public.daily_usage): applied by hand? Nothing was applied: running it would fail on what "
                            "exists, or make it twice. Record it as applied instead: `repair 20250918 --status applied "
                            "--reason TEXT`, or Record as applied… in the console"));
    row.state = MigrationState::PartlyPresent;
    QVERIFY(presentRefusal(row, "x").endsWith("Finish it by hand and record it as applied (`repair 20250918 --status applied`, "
                                              "or Record as applied… in the console), or remove what exists and apply it"));
}

QTEST_APPLESS_MAIN(TestPresence)
#include "tst_presence.moc"
