#include "support/TestDatabase.h"

#include "core/catalog/MigrationCatalog.h"
#include "ui/MainWindow.h"
#include "ui/compare/ComparePage.h"
#include "ui/connection/PasswordStore.h"
#include "ui/environments/EnvironmentsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBlock>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QStandardPaths>
#include <QtTest>

// The Compare page as an admin uses it: production (here a local database changed by hand)
// against what the folder builds, the difference read side by side, the migration that records
// it saved into the folder, after which the two compare equal.
class TestComparePage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // no settings of earlier runs
    void folderAgainstTheOpenDatabaseThenSaved();
    void changedLinesAreColouredSideBySide();
    void columnOrderIsADifferenceWhenReordering();
    void environmentsOfferTheComparison();
    void aProfileAgainstAConnectionAndOneAtATime();
    void noShadowDatabaseOnAProductionServer();

private:
    static QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &name)
    {
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int c = 0; c < tree->topLevelItem(g)->childCount(); ++c)
                if (tree->topLevelItem(g)->child(c)->text(1) == name)
                    return tree->topLevelItem(g)->child(c);
        return nullptr;
    }
};

void TestComparePage::folderAgainstTheOpenDatabaseThenSaved()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("migrations"));
    QVERIFY(QDir().mkpath(folder));
    for (const QString &name : QDir(QStringLiteral(ATLAS_MIGRATIONS_DIR)).entryList({QStringLiteral("*.sql")}, QDir::Files))
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_MIGRATIONS_DIR "/") + name, folder + QLatin1Char('/') + name));
    TestDatabase db;
    {
        auto c = db.connect();
        MigrationRunner runner(*c, TestDatabase::runnerOptions());
        for (const RunReport &report : runner.applyPending(scanMigrationFolder(folder)))
            QVERIFY2(report.ok, qPrintable(report.message));
        // Pasted into the dashboard, as the seed's production was changed.
        QVERIFY(c->exec(QStringLiteral("CREATE INDEX daily_usage_by_hand ON public.daily_usage (created_at);"
                                       "COMMENT ON TABLE public.daily_usage IS 'one row per user and day';")).ok());
    }
    MainWindow window;
    window.resize(1280, 800);
    window.setMigrationsFolder(folder);
    window.show();
    window.makePages();  // the pages after the first screen, now
    QSignalSpy settled(&window, &MainWindow::connectionSettled);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 15000);

    auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    ComparePage *page = window.comparePage();
    QCOMPARE(pages->currentWidget(), page);
    auto *from = page->findChild<QComboBox *>(QStringLiteral("compareFromCombo"));
    auto *to = page->findChild<QComboBox *>(QStringLiteral("compareToCombo"));
    QVERIFY2(from->currentText().startsWith(QLatin1String("Migrations folder")), qPrintable(from->currentText()));
    QVERIFY2(to->currentText().startsWith(QLatin1String("Open connection")), qPrintable(to->currentText()));

    QSignalSpy compared(page, &ComparePage::compared);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    from->setFocus();
    QTest::keyClick(from, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    auto *status = page->findChild<QLabel *>(QStringLiteral("compareStatus"));
    QVERIFY2(compared.first().first().toBool(), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QLatin1String("2 differences")), qPrintable(status->text()));

    auto *tree = page->findChild<QTreeWidget *>(QStringLiteral("compareTree"));
    QTreeWidgetItem *index = findItem(tree, QStringLiteral("public.daily_usage_by_hand"));
    QVERIFY(index);
    QCOMPARE(index->text(0), QStringLiteral("+ added"));
    QCOMPARE(index->parent()->text(0), QStringLiteral("index (1)"));
    tree->setCurrentItem(index);
    auto *fromText = page->findChild<QPlainTextEdit *>(QStringLiteral("compareFromText"));
    auto *toText = page->findChild<QPlainTextEdit *>(QStringLiteral("compareToText"));
    QVERIFY(fromText->toPlainText().isEmpty());
    QVERIFY(toText->toPlainText().startsWith(QLatin1String("CREATE INDEX daily_usage_by_hand ON public.daily_usage")));
    auto *up = page->findChild<QPlainTextEdit *>(QStringLiteral("compareUpText"));
    QVERIFY(up->toPlainText().contains(QLatin1String("COMMENT ON TABLE public.daily_usage IS 'one row per user and day';")));
    QVERIFY(up->textCursor().hasSelection());  // the object's statement is found in the script

    // The filter keeps what matches.
    auto *filter = page->findChild<QLineEdit *>(QStringLiteral("compareFilterEdit"));
    QTest::keyClicks(filter, QStringLiteral("by_hand"));
    QCOMPARE(tree->topLevelItemCount(), 1);
    filter->clear();
    QCOMPARE(tree->topLevelItemCount(), 2);

    // Saved into the folder (Ctrl+S): a new pending migration, and the folder now builds it.
    QSignalSpy saved(page, &ComparePage::migrationSaved);
    auto *name = page->findChild<QLineEdit *>(QStringLiteral("migrationNameEdit"));
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("record hand changes"));
    QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(saved.size(), 1);
    QVERIFY2(status->text().startsWith(QLatin1String("Saved ")), qPrintable(status->text()));
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*_record_hand_changes.sql")}, QDir::Files).size(), 1);
    compared.clear();
    page->compareNow();
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    QVERIFY2(status->text().contains(QLatin1String("have the same schema")), qPrintable(status->text()));
    QCOMPARE(tree->topLevelItemCount(), 0);
}

void TestComparePage::changedLinesAreColouredSideBySide()
{
    TestDatabase a, b;
    QVERIFY(a.connect()->exec(QStringLiteral("CREATE FUNCTION public.tier_limit(t text) RETURNS int LANGUAGE plpgsql AS $$\n"
                                             "BEGIN\n  IF t = 'pro' THEN\n    RETURN 100;\n  END IF;\n  RETURN 10;\nEND\n$$;")).ok());
    QVERIFY(b.connect()->exec(QStringLiteral("CREATE FUNCTION public.tier_limit(t text) RETURNS int LANGUAGE plpgsql AS $$\n"
                                             "BEGIN\n  IF t = 'pro' THEN\n    RETURN 500;\n  END IF;\n  RETURN 10;\nEND\n$$;")).ok());
    PasswordStore passwords;
    ComparePage page(&passwords);
    page.setShadowServer(QStringLiteral("dbname=postgres"));
    page.show();
    QSignalSpy compared(&page, &ComparePage::compared);
    page.compare(a.conninfo(), b.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    QVERIFY(compared.first().first().toBool());
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("compareTree"));
    QTreeWidgetItem *function = findItem(tree, QStringLiteral("public.tier_limit(t text)"));
    QVERIFY(function);
    QCOMPARE(function->text(0), QStringLiteral("~ changed"));
    tree->setCurrentItem(function);
    auto *fromText = page.findChild<QPlainTextEdit *>(QStringLiteral("compareFromText"));
    auto *toText = page.findChild<QPlainTextEdit *>(QStringLiteral("compareToText"));
    // One line differs on each side: that line, and only it, is coloured, and in it the word
    // that changed.
    QCOMPARE(fromText->extraSelections().size(), 2);
    QCOMPARE(toText->extraSelections().size(), 2);
    QCOMPARE(fromText->extraSelections().first().cursor.block().text().trimmed(), QStringLiteral("RETURN 100;"));
    QCOMPARE(toText->extraSelections().first().cursor.block().text().trimmed(), QStringLiteral("RETURN 500;"));
    QCOMPARE(fromText->extraSelections().last().cursor.selectedText(), QStringLiteral("100"));
    QCOMPARE(toText->extraSelections().last().cursor.selectedText(), QStringLiteral("500"));
    QVERIFY(page.findChild<QPlainTextEdit *>(QStringLiteral("compareUpText"))->toPlainText().contains(QLatin1String("RETURN 500;")));

    // A source that names nothing: said, nothing compared.
    compared.clear();
    page.compare(QStringLiteral("profile:nobody"), b.conninfo());
    QTRY_VERIFY(!compared.isEmpty());
    QVERIFY(!compared.first().first().toBool());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("compareStatus"))->text().contains(QLatin1String("no saved profile is named \"nobody\"")));
}

void TestComparePage::columnOrderIsADifferenceWhenReordering()
{
    TestDatabase a, b;
    QVERIFY(a.connect()->exec(QStringLiteral("CREATE TABLE public.notes (body text, id int);")).ok());
    QVERIFY(b.connect()->exec(QStringLiteral("CREATE TABLE public.notes (id int, body text);")).ok());
    PasswordStore passwords;
    ComparePage page(&passwords);
    page.setShadowServer(QStringLiteral("dbname=postgres"));
    page.show();
    QSignalSpy compared(&page, &ComparePage::compared);
    auto *status = page.findChild<QLabel *>(QStringLiteral("compareStatus"));
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("compareTree"));
    // Left as it is, the order alone is no difference, and the status says what it would take.
    page.compare(a.conninfo(), b.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    QVERIFY2(status->text().contains(QLatin1String("have the same schema")) && status->text().contains(QLatin1String("Reorder columns")),
             qPrintable(status->text()));
    QCOMPARE(tree->topLevelItemCount(), 0);

    auto *reorder = page.findChild<QCheckBox *>(QStringLiteral("compareReorderCheck"));
    QVERIFY(reorder && !reorder->toolTip().isEmpty());
    QTest::mouseClick(reorder, Qt::LeftButton, {}, QPoint(8, reorder->height() / 2));
    QVERIFY(reorder->isChecked());
    compared.clear();
    page.compare(a.conninfo(), b.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    QTreeWidgetItem *table = findItem(tree, QStringLiteral("public.notes"));
    QVERIFY2(table, qPrintable(status->text()));
    QCOMPARE(table->text(0), QStringLiteral("~ changed"));
    tree->setCurrentItem(table);
    auto *fromText = page.findChild<QPlainTextEdit *>(QStringLiteral("compareFromText"));
    QCOMPARE(fromText->extraSelections().size(), 2);  // the line, and the order in it
    QCOMPARE(fromText->extraSelections().first().cursor.block().text(), QStringLiteral("-- columns in order: body, id"));
    QCOMPARE(fromText->extraSelections().last().cursor.selectedText(), QStringLiteral("body, id"));
    const QString up = page.findChild<QPlainTextEdit *>(QStringLiteral("compareUpText"))->toPlainText();
    QVERIFY2(up.contains(QLatin1String("ALTER TABLE public.notes SET SCHEMA atlas_reorder_1;"))
                 && up.contains(QLatin1String("INSERT INTO public.notes (id, body) SELECT id, body FROM atlas_reorder_1.notes;")), qPrintable(up));
}

void TestComparePage::environmentsOfferTheComparison()
{
    PasswordStore passwords;
    EnvironmentsPage page(&passwords);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("productionAgainstFolderButton"));
    QVERIFY(!button->isEnabled());
    ConnectionProfile staging;
    staging.name = QStringLiteral("staging");
    staging.environment = Environment::Staging;
    ConnectionProfile production;
    production.name = QStringLiteral("production");
    production.environment = Environment::Production;
    page.setProfiles({staging, production});
    QVERIFY(button->isEnabled());
    QSignalSpy requested(&page, &EnvironmentsPage::compareRequested);
    button->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first(), (QVariantList{QStringLiteral("folder"), QStringLiteral("profile:production")}));
    std::unique_ptr<QMenu> menu(page.compareMenu(0, &page));
    QCOMPARE(menu->actions().size(), 2);
    menu->actions().at(1)->trigger();
    QCOMPARE(requested.last(), (QVariantList{QStringLiteral("profile:staging"), QStringLiteral("profile:production")}));

    // Every pair from a button, not only by right-clicking: each with the folder, each two.
    auto *anyTwo = page.findChild<QPushButton *>(QStringLiteral("compareAnyTwoButton"));
    QVERIFY(anyTwo->isEnabled() && anyTwo->menu());
    QStringList offered;
    for (QAction *action : anyTwo->menu()->actions())
        offered << action->text();
    QCOMPARE(offered, (QStringList{"staging with the folder", "production with the folder", "staging with production"}));
    anyTwo->menu()->actions().at(2)->trigger();
    QCOMPARE(requested.last(), (QVariantList{QStringLiteral("profile:staging"), QStringLiteral("profile:production")}));

    // Two production profiles: the button asks which one.
    ConnectionProfile eu = production;
    eu.name = QStringLiteral("production eu");
    page.setProfiles({staging, production, eu});
    QVERIFY(button->menu());
    QCOMPARE(button->menu()->actions().size(), 2);
    button->menu()->actions().at(1)->trigger();
    QCOMPARE(requested.last(), (QVariantList{QStringLiteral("folder"), QStringLiteral("profile:production eu")}));
    page.setProfiles({staging, production});
    QVERIFY(!button->menu());
}

void TestComparePage::aProfileAgainstAConnectionAndOneAtATime()
{
    // A saved profile (its password through the keychain's path; here PGPASSWORD) against the
    // same database by connection string: equal. Save as migration is for the folder only.
    TestDatabase db;
    QVERIFY(db.connect()->exec(QStringLiteral("CREATE TABLE public.t (id int)")).ok());
    ConnectionProfile profile;
    profile.id = QStringLiteral("test-profile");
    profile.name = QStringLiteral("test");
    profile.host = qEnvironmentVariable("PGHOST", QStringLiteral("127.0.0.1"));
    profile.port = qEnvironmentVariableIntValue("PGPORT");
    profile.database = db.name();
    profile.sslMode = QStringLiteral("disable");
    PasswordStore passwords;
    ComparePage page(&passwords);
    page.setProfiles({profile});
    page.setFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    QSignalSpy compared(&page, &ComparePage::compared);
    page.compare(QStringLiteral("profile:test"), db.conninfo());
    QVERIFY(page.isComparing());
    // A second request while the first runs is refused and said, not silently dropped.
    page.compare(QStringLiteral("folder"), db.conninfo());
    auto *status = page.findChild<QLabel *>(QStringLiteral("compareStatus"));
    QVERIFY2(status->text().contains(QLatin1String("A comparison is running")), qPrintable(status->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    QVERIFY2(compared.first().first().toBool(), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QLatin1String("have the same schema")), qPrintable(status->text()));
    QCOMPARE(compared.size(), 1);
    QVERIFY(!page.isComparing());

    // Different, but not from the folder: nothing to save into it.
    QVERIFY(db.connect()->exec(QStringLiteral("CREATE TABLE public.u (id int)")).ok());
    TestDatabase other;
    compared.clear();
    page.compare(QStringLiteral("profile:test"), other.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    QVERIFY(compared.first().first().toBool());
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("saveMigrationButton"))->isEnabled());
}

void TestComparePage::noShadowDatabaseOnAProductionServer()
{
    // Production reached through an SSH tunnel is on loopback too: its tag decides. The folder is
    // not built there (CREATE DATABASE atlas_shadow_... ran on it), nor on the PG* variables'
    // server: not compared, and said why.
    TestDatabase db;
    ConnectionProfile production;
    production.id = QStringLiteral("production-profile");
    production.name = QStringLiteral("production through a tunnel");
    production.environment = Environment::Production;
    production.host = QStringLiteral("127.0.0.1");
    production.port = qEnvironmentVariableIntValue("PGPORT");
    production.user = qEnvironmentVariable("PGUSER");
    production.database = db.name();
    production.sslMode = QStringLiteral("disable");
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.show();
    window.makePages();
    QSignalSpy settled(&window, &MainWindow::connectionSettled);
    window.connectToProfile(production, qEnvironmentVariable("PGPASSWORD"));
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 15000);
    QVERIFY(settled.first().first().toBool());
    ComparePage *page = window.comparePage();
    QSignalSpy compared(page, &ComparePage::compared);
    page->compare(QStringLiteral("folder"), QStringLiteral("open"));
    QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
    auto *status = page->findChild<QLabel *>(QStringLiteral("compareStatus"));
    QVERIFY2(!compared.first().first().toBool() && status->text().contains(QLatin1String("none is known")), qPrintable(status->text()));
}

QTEST_MAIN(TestComparePage)
#include "tst_comparepage.moc"
