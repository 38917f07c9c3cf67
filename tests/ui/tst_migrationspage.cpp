// The migrations page clicked through against the local database (offscreen).
#include "support/TestDatabase.h"

#include "core/sql/SupabaseSplitter.h"
#include "core/catalog/MigrationCatalog.h"
#include "ui/MainWindow.h"
#include "ui/migrations/ConfirmDialog.h"
#include "ui/migrations/MigrationListView.h"
#include "ui/migrations/MigrationsPage.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>

#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

class TestMigrationsPage : public QObject {
    Q_OBJECT
private slots:
    void clicksThroughDryRunApplyVerifyRollback();
    void productionGuardRefusesWithoutTheTypedName();
    void confirmDialogNeedsTheExactName();
    void statementsShowTheSizeOfTheTablesTheyLock();
    void explanationsOfHiddenTabsAppearWhenOpened();

private:
    static QPushButton *button(QWidget &w, const char *name) { return w.findChild<QPushButton *>(QLatin1String(name)); }
    static QTreeWidget *tree(QWidget &w, const char *name) { return w.findChild<QTreeWidget *>(QLatin1String(name)); }
    // Clicks and waits for the next signal of `spy`, which may arrive while the click is still
    // being processed (a fast worker answers within processEvents()).
    [[nodiscard]] static bool clickAndWait(QPushButton *button, QSignalSpy &spy, int timeoutMs)
    {
        const qsizetype before = spy.size();
        QTest::mouseClick(button, Qt::LeftButton);
        return QTest::qWaitFor([&] { return spy.size() > before; }, timeoutMs);
    }
    static QStringList column(QTreeWidget *tree, int c)
    {
        QStringList values;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            values << tree->topLevelItem(i)->text(c);
        return values;
    }
};

void TestMigrationsPage::clicksThroughDryRunApplyVerifyRollback()
{
    TestDatabase db;
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.show();
    MigrationsPage *page = window.migrationsPage();
    QSignalSpy shown(page, &MigrationsPage::statusShown);
    QSignalSpy done(page, &MigrationsPage::operationDone);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    QTreeWidget *migrations = tree(window, "migrationTree");
    QCOMPARE(column(migrations, 0), (QStringList{"20250918", "20251002090000", "20251002091500"}));
    QCOMPARE(column(migrations, MigrationListView::StateColumn), (QStringList{"pending", "pending", "pending"}));
    QCOMPARE(page->selectedVersion(), QStringLiteral("20250918"));
    QVERIFY(tree(window, "statementTree")->topLevelItemCount() > 30);

    // Dry run: the difference is shown, the database is unchanged.
    QVERIFY(clickAndWait(button(window, "dryRunButton"), done, 20000));
    QCOMPARE(done.last().at(1).toBool(), true);
    QStringList created;
    QStringList lint;
    for (int i = 0; i < tree(window, "dryRunTree")->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree(window, "dryRunTree")->topLevelItem(i);
        if (item->text(1) == "table")
            created << item->text(0) + " " + item->text(2);
        if (item->text(0).startsWith("lint: "))
            lint << item->text(0) + " " + item->text(1) + " " + item->text(2);
    }
    // The rules' findings for the file beside what the dry run changed.
    QVERIFY2(lint.contains("lint: info rls-enabled-no-policy line 181:1"), qPrintable(lint.join('\n')));
    created.sort();
    QCOMPARE(created, (QStringList{"created public.daily_usage", "created public.error_logs", "created public.response_cache",
                                   "created public.usage_logs"}));
    QCOMPARE(db.scalar("SELECT to_regclass('public.daily_usage') IS NULL"), QStringLiteral("t"));

    // Apply (local: no confirmation), then the state refreshes to applied.
    shown.clear();
    QVERIFY(clickAndWait(button(window, "applyButton"), done, 20000));
    QVERIFY2(done.last().at(1).toBool(), qPrintable(window.findChild<QLabel *>("resultLabel")->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    QCOMPARE(column(migrations, MigrationListView::StateColumn), (QStringList{"applied", "pending", "pending"}));
    QCOMPARE(db.scalar("SELECT string_agg(version, ',') FROM supabase_migrations.schema_migrations"), QStringLiteral("20250918"));
    QVERIFY(!button(window, "applyButton")->isEnabled());

    // Verify: every check passes.
    QVERIFY2(button(window, "verifyButton")->isEnabled(), qPrintable(page->selectedVersion() + " " + window.findChild<QLabel *>("resultLabel")->text()));
    QVERIFY(clickAndWait(button(window, "verifyButton"), done, 20000));
    QVERIFY(done.last().at(1).toBool());
    QTreeWidget *checks = tree(window, "verifyTree");
    QVERIFY(checks->topLevelItemCount() > 50);
    QCOMPARE(column(checks, 0).count("passed"), checks->topLevelItemCount());

    // Roll back: pending again, history row gone.
    shown.clear();
    QVERIFY(clickAndWait(button(window, "rollbackButton"), done, 20000));
    QVERIFY(done.last().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    QCOMPARE(column(migrations, MigrationListView::StateColumn), (QStringList{"pending", "pending", "pending"}));
    QCOMPARE(db.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), QStringLiteral("0"));
    QCOMPARE(db.scalar("SELECT to_regclass('public.daily_usage') IS NULL"), QStringLiteral("t"));
}

void TestMigrationsPage::productionGuardRefusesWithoutTheTypedName()
{
    TestDatabase db;
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.show();
    MigrationsPage *page = window.migrationsPage();
    QSignalSpy shown(page, &MigrationsPage::statusShown);
    QSignalSpy done(page, &MigrationsPage::operationDone);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    page->setTarget(Environment::Production, db.name(), QStringLiteral("abcdefghij"));

    // The real dialog: OK stays disabled until the project ref is typed exactly.
    ActionGuard seen;
    page->setConfirmer([&seen](const ActionGuard &guard) {
        seen = guard;
        return guard.accepts(QStringLiteral("abcdefghi"));  // one letter short
    });
    QTest::mouseClick(button(window, "applyButton"), Qt::LeftButton);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.last().at(1).toBool(), false);
    QCOMPARE(seen.kind, ActionGuard::Kind::TypeName);
    QCOMPARE(seen.nameToType, QStringLiteral("abcdefghij"));
    QVERIFY(window.findChild<QLabel *>("resultLabel")->text().contains("was not confirmed"));
    QCOMPARE(db.scalar("SELECT to_regclass('public.daily_usage') IS NULL"), QStringLiteral("t"));

    page->setConfirmer([](const ActionGuard &guard) { return guard.accepts(QStringLiteral("abcdefghij")); });
    QVERIFY(clickAndWait(button(window, "applyButton"), done, 20000));
    QVERIFY(done.last().at(1).toBool());
    QCOMPARE(db.scalar("SELECT to_regclass('public.daily_usage') IS NOT NULL"), QStringLiteral("t"));
}

void TestMigrationsPage::confirmDialogNeedsTheExactName()
{
    SqlScript script = parseSqlScript(QStringLiteral("DROP TABLE public.daily_usage;"));
    const ActionGuard guard = guardFor(Environment::Production, "roll back", "20250918_x", script, "postgres", "abcdefghij");
    ConfirmDialog dialog(guard);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *typed = dialog.findChild<QLineEdit *>(QStringLiteral("typeEdit"));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(typed, "abcdefghi");
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(typed, "j");
    QVERIFY(ok->isEnabled());
    QTest::keyClicks(typed, "x");
    QVERIFY(!ok->isEnabled());
    auto *destructive = dialog.findChild<QListWidget *>(QStringLiteral("destructiveList"));
    QCOMPARE(destructive->count(), 1);
    QVERIFY(destructive->item(0)->text().contains("drops table public.daily_usage"));
    // Staging: a look at the plan, no name to type.
    ConfirmDialog staging(guardFor(Environment::Staging, "apply", "20250918_x", script, "postgres", QString()));
    QVERIFY(staging.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(staging.findChild<QLineEdit *>(QStringLiteral("typeEdit"))->isHidden());
}

void TestMigrationsPage::statementsShowTheSizeOfTheTablesTheyLock()
{
    TestDatabase db;
    {
        auto engine = db.connect();
        MigrationRunner runner(*engine, TestDatabase::runnerOptions());
        QVERIFY(runner.apply(*scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).find("20250918")).ok);
        QVERIFY(engine->exec("ANALYZE public.daily_usage").ok());
    }
    const QString size = db.scalar("SELECT pg_size_pretty(pg_total_relation_size('public.daily_usage'))");
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.show();
    MigrationsPage *page = window.migrationsPage();
    QSignalSpy shown(page, &MigrationsPage::statusShown);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    page->selectVersion("20251002090000");  // the tier change: constraints on daily_usage, an UPDATE
    QTreeWidget *statements = tree(window, "statementTree");
    const auto risks = [statements] { return column(statements, 3).join('\n'); };
    QTRY_VERIFY_WITH_TIMEOUT(risks().contains("[" + size + ", ~0 rows]"), 5000);
    QVERIFY2(risks().contains("lock: ACCESS EXCLUSIVE on public.daily_usage"), qPrintable(risks()));
    const QString summary = window.findChild<QLabel *>("riskSummaryLabel")->text();
    QVERIFY2(summary.contains("reads every row of public.daily_usage (" + size + ", ~0 rows)"), qPrintable(summary));
    // The lint rules' findings beside each statement, graded by the table's size: a check added to
    // an empty table costs nothing (info), and the count is in the summary.
    QVERIFY2(risks().contains("info [constraint-missing-not-valid] adds the check daily_usage_tier_check to public.daily_usage and "
                              "checks every row (about 0 rows, " + size + ")"),
             qPrintable(risks()));
    QVERIFY2(risks().contains("[backfill-with-ddl] fills public.daily_usage in the transaction that alters it"), qPrintable(risks()));
    QVERIFY2(summary.contains("lint: 0 errors"), qPrintable(summary));
}

void TestMigrationsPage::explanationsOfHiddenTabsAppearWhenOpened()
{
    // The explanations of the detail tabs not on screen are set when their tab opens (measuring
    // them slowed the first paint), and are there when it does.
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The detail tabs are made once the window has painted.
    QTabWidget *tabs = nullptr;
    QTRY_VERIFY((tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"))));
    struct Tab {
        const char *label;
        QLatin1String says;
    };
    for (const Tab &tab : {Tab{"dryRunLabel", QLatin1String("Dry run runs the migration")},
                           Tab{"driftLabel", QLatin1String("Select an applied migration")},
                           Tab{"statusLabel", QLatin1String("While a migration runs")}}) {
        QLabel *label = nullptr;
        for (QLabel *candidate : tabs->findChildren<QLabel *>(QLatin1String(tab.label)))
            label = candidate;
        QVERIFY2(label, tab.label);
        QVERIFY2(!label->isVisible() && label->text().isEmpty(), tab.label);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i)->isAncestorOf(label))
                tabs->setCurrentIndex(i);
        QTRY_VERIFY2(label->isVisible(), tab.label);
        QVERIFY2(label->text().startsWith(tab.says), qPrintable(label->text()));
    }
}

QTEST_MAIN(TestMigrationsPage)
#include "tst_migrationspage.moc"
