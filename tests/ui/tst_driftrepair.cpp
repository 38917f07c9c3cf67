// Drift and repair on the migrations page, against the local database (offscreen): a file edited
// after apply shows its statement diff, for history our engine wrote and for rows written the way
// the Supabase CLI writes them; repair asks, refuses without confirmation, and audits who and why.
#include "support/ConsoleWindow.h"
#include "support/TestFiles.h"
#include "support/TestDatabase.h"

#include "core/sql/SupabaseSplitter.h"
#include "core/sql/StatementDiff.h"
#include "ui/migrations/DriftView.h"
#include "ui/MainWindow.h"
#include "ui/migrations/MigrationsPage.h"
#include "ui/migrations/RepairDialog.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

namespace {


// "changed 3 COMMENT ON TABLE t IS 'one' -> 3 COMMENT ON TABLE t IS 'two'", one per difference.
QStringList describe(const QList<StatementDelta> &deltas)
{
    QStringList lines;
    for (const StatementDelta &d : deltas) {
        switch (d.kind) {
        case StatementDelta::Kind::Same: break;
        case StatementDelta::Kind::Changed: lines << QStringLiteral("changed %1 -> %2").arg(d.recorded, d.file); break;
        case StatementDelta::Kind::Added: lines << QStringLiteral("added %1").arg(d.file); break;
        case StatementDelta::Kind::Removed: lines << QStringLiteral("removed %1").arg(d.recorded); break;
        }
    }
    return lines;
}

// The result column of the dialog's verify checks.
QStringList checkResults(RepairDialog &dialog)
{
    QStringList results;
    const auto *checks = dialog.findChild<QTreeWidget *>("checkTree");
    for (int i = 0; i < checks->topLevelItemCount(); ++i)
        results << checks->topLevelItem(i)->text(0);
    return results;
}

}  // namespace

class TestDriftRepair : public QObject {
    Q_OBJECT
private slots:
    void driftTabShowsTheStatementDiff();
    void repairRefusesWithoutConfirmationAndWritesTheAuditRow();
    void halfDoneMigrationOffersResumeAndItsDownFile();
    void aMigrationAppliedByHandOffersRecordAsApplied();

private:
    // 1_t applied by the engine, then edited; 2_cli recorded the way the Supabase CLI records it,
    // from a different text than the file's now. False when it cannot be made.
    [[nodiscard]] static bool prepare(const TestDatabase &db, QTemporaryDir *dir)
    {
        if (!writeTestFile(dir->filePath("1_t.sql"), "CREATE TABLE t (a int);\nCOMMENT ON TABLE t IS 'one';\n"))
            return false;
        auto engine = db.connect();
        MigrationRunner runner(*engine, TestDatabase::runnerOptions());
        return runner.apply(*scanMigrationFolder(dir->path()).find("1")).ok
            && writeTestFile(dir->filePath("1_t.sql"), "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCOMMENT ON TABLE t IS 'two';\n")
            && writeTestFile(dir->filePath("2_cli.sql"), "CREATE TABLE u (a int);\n")
            && engine->exec("CREATE TABLE u (b int); INSERT INTO supabase_migrations.schema_migrations (version, name, statements) "
                            "VALUES ('2', 'cli', ARRAY['CREATE TABLE u (b int)'])").ok();
    }
    static QString state(MigrationsPage *page, const QString &version)
    {
        for (const MigrationStatusRow &row : page->rows())
            if (row.version == version)
                return migrationStateName(row.state);
        return QString();
    }
};

void TestDriftRepair::driftTabShowsTheStatementDiff()
{
    TestDatabase db;
    QTemporaryDir dir;
    QVERIFY(prepare(db, &dir));
    MainWindow window;
    QVERIFY(openConsole(window, db.conninfo(), dir.path()));
    MigrationsPage *page = window.migrationsPage();
    QCOMPARE(state(page, "1"), QStringLiteral("modified"));
    QCOMPARE(state(page, "2"), QStringLiteral("modified"));

    // Our engine's row: one statement added, one changed; the Drift tab comes to the front.
    page->selectVersion("1");
    DriftView *drift = page->driftView();
    QTRY_VERIFY_WITH_TIMEOUT(!drift->deltas().isEmpty(), 5000);
    QCOMPARE(describe(drift->deltas()),
             (QStringList{"added CREATE INDEX t_a ON t (a)", "changed COMMENT ON TABLE t IS 'one' -> COMMENT ON TABLE t IS 'two'"}));
    QCOMPARE(window.findChild<QTabWidget *>("detailTabs")->currentWidget(), drift);
    auto *tree = drift->findChild<QTreeWidget *>("driftTree");
    QCOMPARE(tree->topLevelItemCount(), 2);  // only what differs, side by side
    QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("changed"));
    QCOMPARE(tree->topLevelItem(1)->text(1), QStringLiteral("2"));
    QCOMPARE(tree->topLevelItem(1)->text(2), QStringLiteral("COMMENT ON TABLE t IS 'one'"));
    QCOMPARE(tree->topLevelItem(1)->text(3), QStringLiteral("3"));
    QCOMPARE(tree->topLevelItem(1)->text(4), QStringLiteral("COMMENT ON TABLE t IS 'two'"));
    drift->findChild<QCheckBox *>("showSameCheck")->setChecked(true);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QVERIFY(drift->findChild<QLabel *>("driftLabel")->text().contains("1 statements changed, 1 added, 0 removed"));

    // The Supabase CLI's row, with no audit row of ours.
    page->selectVersion("2");
    QTRY_COMPARE_WITH_TIMEOUT(describe(drift->deltas()), QStringList{"changed CREATE TABLE u (b int) -> CREATE TABLE u (a int)"}, 5000);
}

void TestDriftRepair::repairRefusesWithoutConfirmationAndWritesTheAuditRow()
{
    TestDatabase db;
    QTemporaryDir dir;
    QVERIFY(prepare(db, &dir));
    MainWindow window;
    QVERIFY(openConsole(window, db.conninfo(), dir.path()));
    MigrationsPage *page = window.migrationsPage();
    QSignalSpy done(page, &MigrationsPage::operationDone);
    const QString recordedBefore = db.scalar("SELECT statements::text FROM supabase_migrations.schema_migrations WHERE version = '1'");
    const auto repairs = [&] { return db.scalar("SELECT count(*) FROM atlas_console.migration_audit WHERE direction = 'repair'"); };

    // Asked, shown the diff and the checks, and refused: nothing changes.
    QStringList seenDiff, seenChecks;
    page->setRepairConfirmer([&](RepairDialog &dialog) {
        seenDiff = describe(dialog.driftView()->deltas());
        seenChecks = checkResults(dialog);
        return false;
    });
    page->selectVersion("1");
    page->repairSelected(true);
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
    QCOMPARE(done.last().at(0).toString(), QStringLiteral("repair"));
    QCOMPARE(done.last().at(1).toBool(), false);
    QCOMPARE(seenDiff.size(), 2);
    QVERIFY(seenChecks.contains("FAILED"));  // the file's new index t_a is not in the database
    QVERIFY(window.findChild<QLabel *>("resultLabel")->text().contains("Not repaired"));
    QCOMPARE(db.scalar("SELECT statements::text FROM supabase_migrations.schema_migrations WHERE version = '1'"), recordedBefore);
    QCOMPARE(repairs(), QStringLiteral("0"));

    // With failed checks a reason is not enough: the failure must be acknowledged.
    page->setRepairConfirmer([&](RepairDialog &dialog) {
        dialog.findChild<QLineEdit *>("reasonEdit")->setText("looks fine");
        return dialog.acceptable();
    });
    page->repairSelected(true);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    QCOMPARE(done.last().at(1).toBool(), false);
    QCOMPARE(repairs(), QStringLiteral("0"));

    // Someone made the index by hand; now the checks pass, but OK without a reason is not possible.
    QVERIFY(db.connect()->exec("CREATE INDEX t_a ON t (a)").ok());
    page->setRepairConfirmer([&](RepairDialog &dialog) {
        seenChecks = checkResults(dialog);
        return dialog.acceptable();
    });
    page->repairSelected(true);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, 10000);
    QCOMPARE(done.last().at(1).toBool(), false);
    QVERIFY(!seenChecks.isEmpty());
    QVERIFY(!seenChecks.contains("FAILED"));
    QCOMPARE(repairs(), QStringLiteral("0"));

    // Confirmed with a reason: the file's statements are recorded, and the audit says who and why.
    page->setRepairConfirmer([&](RepairDialog &dialog) {
        dialog.findChild<QLineEdit *>("reasonEdit")->setText("index added by hand in the SQL editor");
        return dialog.acceptable();
    });
    page->repairSelected(true);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 4, 10000);
    QVERIFY2(done.last().at(1).toBool(), qPrintable(window.findChild<QLabel *>("resultLabel")->text()));
    const QStringList fileStatements = splitLikeSupabaseCli(QString::fromUtf8(
        "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCOMMENT ON TABLE t IS 'two';\n"));
    QCOMPARE(db.scalar("SELECT array_length(statements, 1) FROM supabase_migrations.schema_migrations WHERE version = '1'"),
             QString::number(fileStatements.size()));
    QCOMPARE(db.scalar("SELECT statements[3] FROM supabase_migrations.schema_migrations WHERE version = '1'"), fileStatements.at(2));
    QCOMPARE(repairs(), QStringLiteral("1"));
    QCOMPARE(db.scalar("SELECT note FROM atlas_console.migration_audit WHERE direction = 'repair'"),
             QStringLiteral("marked applied without running it (its recorded statements replaced by the file's): "
                            "index added by hand in the SQL editor"));
    QVERIFY(!db.scalar("SELECT actor FROM atlas_console.migration_audit WHERE direction = 'repair'").isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(state(page, "1"), QStringLiteral("applied"), 10000);

    // Production: a reason is not enough; the database name must be typed.
    page->setTarget(Environment::Production, db.name(), QString());
    page->selectVersion("2");
    QString typed;
    page->setRepairConfirmer([&](RepairDialog &dialog) {
        dialog.findChild<QLineEdit *>("reasonEdit")->setText("recorded by mistake");
        dialog.findChild<QLineEdit *>("typeEdit")->setText(typed);
        return dialog.acceptable();
    });
    page->repairSelected(false);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 5, 10000);
    QCOMPARE(done.last().at(1).toBool(), false);
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '2'"), QStringLiteral("1"));
    typed = db.name();
    page->repairSelected(false);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 6, 10000);
    QVERIFY(done.last().at(1).toBool());
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '2'"), QStringLiteral("0"));
    QCOMPARE(db.scalar("SELECT note FROM atlas_console.migration_audit WHERE direction = 'repair' AND version = '2'"),
             QStringLiteral("marked reverted without running it: recorded by mistake"));
    QCOMPARE(db.scalar("SELECT to_regclass('public.u') IS NOT NULL"), QStringLiteral("t"));  // nothing ran
}

void TestDriftRepair::halfDoneMigrationOffersResumeAndItsDownFile()
{
    TestDatabase db;
    QTemporaryDir dir;
    WRITE_FILE(dir.filePath("1_events.sql"), "-- atlas:no-transaction\nCREATE TABLE d (a int);\n"
                                        "CREATE INDEX CONCURRENTLY d_a ON d (a);\nINSERT INTO audit_target VALUES (1);\n");
    WRITE_FILE(dir.filePath("1_events.down.sql"), "DROP TABLE IF EXISTS d;");
    {
        auto engine = db.connect();
        MigrationRunner runner(*engine, TestDatabase::runnerOptions());
        QVERIFY(!runner.apply(*scanMigrationFolder(dir.path()).find("1")).ok);
    }
    MainWindow window;
    QVERIFY(openConsole(window, db.conninfo(), dir.path()));
    MigrationsPage *page = window.migrationsPage();
    QSignalSpy done(page, &MigrationsPage::operationDone);
    page->selectVersion("1");
    QCOMPARE(state(page, "1"), QStringLiteral("failed"));
    auto *apply = window.findChild<QPushButton *>("applyButton");
    auto *rollback = window.findChild<QPushButton *>("rollbackButton");
    QCOMPARE(apply->text(), QStringLiteral("Resume at statement 3"));
    QVERIFY(apply->isEnabled());
    QCOMPARE(rollback->text(), QStringLiteral("Run &down file"));
    QVERIFY(rollback->isEnabled());
    QVERIFY(!window.findChild<QPushButton *>("dryRunButton")->isEnabled());
    QVERIFY2(page->findChild<QLabel *>("fileLabel")->text().contains("statements 1 to 2 ran and stay"),
             qPrintable(page->findChild<QLabel *>("fileLabel")->text()));

    // Resume once the cause is fixed: statements 1 and 2 are not run again.
    QVERIFY(db.connect()->exec("CREATE TABLE audit_target (a int)").ok());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
    QVERIFY2(done.last().at(1).toBool(), qPrintable(window.findChild<QLabel *>("resultLabel")->text()));
    QTRY_COMPARE_WITH_TIMEOUT(state(page, "1"), QStringLiteral("applied"), 10000);
    QCOMPARE(db.scalar("SELECT count(*) FROM audit_target"), QStringLiteral("1"));
}

void TestDriftRepair::aMigrationAppliedByHandOffersRecordAsApplied()
{
    TestDatabase db;
    QTemporaryDir dir;
    const QByteArray sql = "CREATE TABLE notes (id int PRIMARY KEY, body text);\nCREATE INDEX notes_body ON notes (body);\n";
    WRITE_FILE(dir.filePath("1_notes.sql"), sql);
    QVERIFY(db.connect()->exec(QString::fromUtf8(sql)).ok());  // pasted into the dashboard's SQL editor
    MainWindow window;
    QVERIFY(openConsole(window, db.conninfo(), dir.path()));
    MigrationsPage *page = window.migrationsPage();
    QSignalSpy done(page, &MigrationsPage::operationDone);
    page->selectVersion("1");
    QCOMPARE(state(page, "1"), QStringLiteral("present, not recorded"));
    QVERIFY2(page->findChild<QLabel *>("fileLabel")->text().contains("what it creates is in the database (all 2: table public.notes"),
             qPrintable(page->findChild<QLabel *>("fileLabel")->text()));
    auto *apply = window.findChild<QPushButton *>("applyButton");
    QCOMPARE(apply->text(), QStringLiteral("Record as &applied…"));
    QVERIFY(apply->isEnabled());

    // The button opens the guarded repair: its checks pass; confirmed with a reason, it is recorded, and nothing ran.
    QStringList seenChecks;
    page->setRepairConfirmer([&](RepairDialog &dialog) {
        seenChecks = checkResults(dialog);
        dialog.findChild<QLineEdit *>("reasonEdit")->setText("pasted into the SQL editor on 2 Oct");
        return dialog.acceptable();
    });
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
    QVERIFY2(done.last().at(1).toBool(), qPrintable(window.findChild<QLabel *>("resultLabel")->text()));
    QVERIFY(!seenChecks.isEmpty());
    QVERIFY(!seenChecks.contains("FAILED"));
    QTRY_COMPARE_WITH_TIMEOUT(state(page, "1"), QStringLiteral("applied"), 10000);
    QCOMPARE(db.scalar("SELECT note FROM atlas_console.migration_audit WHERE direction = 'repair'"),
             QStringLiteral("marked applied without running it: pasted into the SQL editor on 2 Oct"));
    QCOMPARE(apply->text(), QStringLiteral("&Apply"));
}

QTEST_MAIN(TestDriftRepair)
#include "tst_driftrepair.moc"
