#include "support/EngineFixture.h"

#include "core/status/MigrationStatus.h"
#include "core/todo/TodoEvidence.h"
#include "db/migrate/MigrationRepairer.h"
#include "db/todo/EvidenceChecker.h"

#include <QtTest>

// The seed's production path: the file pasted into the dashboard's SQL editor and run, which
// leaves the objects and no history row. The status says so, an apply refuses and names the way
// out, a repair records it, and the TODO evidence tells the two apart.
class TestAppliedByHand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pastedMigrationIsPresentNotRecorded();
    void aPastedVerifiedMigrationIsFoundByItsVerifyScript();
    void halfPastedIsPartlyPresentWithWhatIsMissing();
    void aSharedFunctionMadeAgainIsNoSign();
    void todoEvidenceSaysTheTablesAreThereAndTheRowIsNot();
};

namespace {

MigrationCatalog atlasCatalog()
{
    return scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
}

const MigrationStatusRow *rowOf(const StatusReport &status, const QString &version)
{
    for (const MigrationStatusRow &row : status.rows) {
        if (row.version == version)
            return &row;
    }
    return nullptr;
}

// As the dashboard's SQL editor runs a pasted file: all of it in one simple query, no history.
void paste(TestDatabase &db, const QString &sql)
{
    auto editor = db.connect();
    const PgResult pasted = editor->exec(sql);
    QVERIFY2(pasted.ok(), qPrintable(pasted.error().toString()));
}

}  // namespace

void TestAppliedByHand::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PGPORT"), "run under scripts/localdb (PG* variables)");
}

void TestAppliedByHand::pastedMigrationIsPresentNotRecorded()
{
    EngineFixture f;
    const MigrationCatalog catalog = atlasCatalog();
    const MigrationFile &usage = catalog.migrations.first();
    paste(f.db, usage.up.sql());

    StatusReport status = f.runner.status(catalog);
    QVERIFY(status.ok());
    QCOMPARE(rowOf(status, usage.version)->state, MigrationState::PresentNotRecorded);
    QVERIFY2(rowOf(status, usage.version)->detail.startsWith("no history row, but what it creates is in the database (all 23: "
                                                             "function public.set_updated_at(), table public.daily_usage, "),
             qPrintable(rowOf(status, usage.version)->detail));
    QCOMPARE(rowOf(status, "20251002090000")->state, MigrationState::Pending);  // its verify script fails: not done

    // Apply, plan and the console's Apply refuse, and nothing is written.
    const QList<RunReport> applied = f.runner.applyPending(catalog);
    QCOMPARE(applied.size(), 1);
    QVERIFY(!applied.first().ok);
    QVERIFY(applied.first().presentUnrecorded);
    QVERIFY2(applied.first().message.startsWith("20250918_create_usage_tracking_tables has no history row, but what it creates is "
                                                "in the database"),
             qPrintable(applied.first().message));
    QVERIFY2(applied.first().message.endsWith("Record it as applied instead: `repair 20250918 --status applied --reason TEXT`, "
                                              "or Record as applied… in the console"),
             qPrintable(applied.first().message));
    QVERIFY(f.runner.dryRunPending(catalog, QString()).first().presentUnrecorded);
    const RunReport single = f.runner.apply(usage, &catalog);
    QVERIFY(single.presentUnrecorded);
    QCOMPARE(f.db.scalar("SELECT to_regclass('supabase_migrations.schema_migrations') IS NULL"), QStringLiteral("t"));
    QCOMPARE(f.db.scalar("SELECT to_regclass('public.usage_logs') IS NOT NULL"), QStringLiteral("t"));

    // The way out: record it (its verify checks pass), then the rest applies.
    const RunReport repaired = f.runner.repair(usage.version, &usage, RepairStatus::Applied, "pasted in the dashboard");
    QVERIFY2(repaired.ok, qPrintable(repaired.message));
    status = f.runner.status(catalog);
    QCOMPARE(rowOf(status, usage.version)->state, MigrationState::Applied);
    const QList<RunReport> rest = f.runner.applyPending(catalog);
    QCOMPARE(rest.size(), 2);
    for (const RunReport &report : rest)
        QVERIFY2(report.ok, qPrintable(report.message));
}

void TestAppliedByHand::aPastedVerifiedMigrationIsFoundByItsVerifyScript()
{
    EngineFixture f;
    const MigrationCatalog catalog = atlasCatalog();
    QVERIFY(f.runner.applyPending(catalog, catalog.migrations.first().version).first().ok);
    // The tier rename creates nothing: only its verify script can tell that it was run.
    paste(f.db, catalog.find("20251002090000")->up.sql());
    const StatusReport status = f.runner.status(catalog);
    QCOMPARE(rowOf(status, "20251002090000")->state, MigrationState::PresentNotRecorded);
    QVERIFY2(rowOf(status, "20251002090000")->detail.startsWith("no history row, but its verify script passes ("),
             qPrintable(rowOf(status, "20251002090000")->detail));
    QVERIFY(rowOf(status, "20251002090000")->presentByVerifyScript);
    // Asking changed nothing, not even the audit.
    QCOMPARE(f.db.scalar("SELECT count(*) FROM atlas_console.migration_audit WHERE version = '20251002090000'"), QStringLiteral("0"));
    // A script may pass where its migration had nothing to do: an apply still runs it (the
    // rename is written to run twice), and the one after it.
    const QList<RunReport> applied = f.runner.applyPending(catalog);
    QCOMPARE(applied.size(), 2);
    for (const RunReport &report : applied)
        QVERIFY2(report.ok, qPrintable(report.message));
}

void TestAppliedByHand::halfPastedIsPartlyPresentWithWhatIsMissing()
{
    EngineFixture f;
    WRITE_FILE(f.path("20240101000000_notes.sql"),
               "CREATE TABLE public.notes (id bigint PRIMARY KEY, body text);\n"
               "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;\n"
               "CREATE POLICY notes_read ON public.notes FOR SELECT USING (true);\n"
               "CREATE INDEX notes_body ON public.notes (body);\n");
    paste(f.db, "CREATE TABLE public.notes (id bigint PRIMARY KEY, body text); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;");
    const StatusReport status = f.runner.status(f.catalog());
    QCOMPARE(rowOf(status, "20240101000000")->state, MigrationState::PartlyPresent);
    QCOMPARE(rowOf(status, "20240101000000")->detail,
             QStringLiteral("no history row; part of what it creates is in the database (2 of 4: table public.notes, row level "
                            "security enabled on public.notes), the rest is not (policy \"notes_read\" on public.notes, index "
                            "notes_body on public.notes)"));
    const QList<RunReport> applied = f.runner.applyPending(f.catalog());
    QVERIFY(applied.first().presentUnrecorded);
    QVERIFY(applied.first().message.contains("or remove what exists and apply it"));
}

void TestAppliedByHand::aSharedFunctionMadeAgainIsNoSign()
{
    EngineFixture f;
    const QString touch = QStringLiteral("CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql "
                                         "AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;\n");
    WRITE_FILE(f.path("20240101000000_a.sql"), touch + "CREATE TABLE public.a (id int, updated_at timestamptz);");
    WRITE_FILE(f.path("20240102000000_b.sql"), touch + "CREATE TABLE public.b (id int, updated_at timestamptz);");
    QVERIFY(f.runner.applyPending(f.catalog(), "20240101000000").first().ok);
    StatusReport status = f.runner.status(f.catalog());
    QCOMPARE(rowOf(status, "20240102000000")->state, MigrationState::Pending);  // touch() is a's, not a sign of b
    const QList<RunReport> applied = f.runner.applyPending(f.catalog());
    QVERIFY2(applied.first().ok, qPrintable(applied.first().message));
}

void TestAppliedByHand::todoEvidenceSaysTheTablesAreThereAndTheRowIsNot()
{
    EngineFixture f;
    const MigrationCatalog catalog = atlasCatalog();
    EvidenceResult evidence = checkEvidence(*f.connection, {TodoEvidence::kUsageMigrationApplied}).first();
    QVERIFY(!evidence.done);
    QCOMPARE(evidence.detail, QStringLiteral("no migration history and no usage tables in this database"));

    paste(f.db, catalog.migrations.first().up.sql());
    evidence = checkEvidence(*f.connection, {TodoEvidence::kUsageMigrationApplied}).first();
    QVERIFY(evidence.done);
    QVERIFY(evidence.unrecorded);
    QCOMPARE(evidence.detail, QStringLiteral("the usage tables are there, but 20250918 has no history row (applied by hand?): "
                                             "record it as applied on the Migrations page"));

    QVERIFY(f.runner.repair("20250918", &catalog.migrations.first(), RepairStatus::Applied, "pasted").ok);
    evidence = checkEvidence(*f.connection, {TodoEvidence::kUsageMigrationApplied}).first();
    QVERIFY(evidence.done);
    QVERIFY(!evidence.unrecorded);
    QCOMPARE(evidence.detail, QStringLiteral("20250918 is recorded as applied"));
}

QTEST_GUILESS_MAIN(TestAppliedByHand)
#include "tst_appliedbyhand.moc"
