// The environments matrix: saved profiles read in parallel, one of them unreachable.
#include "support/SilentServer.h"
#include "support/TestDatabase.h"

#include "core/connection/ProfileStore.h"
#include "db/migrate/MigrationRunner.h"
#include "ui/connection/PasswordStore.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/MainWindow.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QSpinBox>
#include <QLabel>
#include <QMenu>
#include <QtTest>

class TestEnvironments : public QObject {
    Q_OBJECT
private slots:
    void theOpenConnectionIsAColumn();
    void showsEachMigrationInEachEnvironment();
};

void TestEnvironments::showsEachMigrationInEachEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    TestDatabase staging;
    TestDatabase production;
    SilentServer silent;
    {
        auto connection = production.connect();
        MigrationRunner runner(*connection);
        const MigrationCatalog catalog = scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
        QVERIFY(runner.apply(catalog.migrations.at(0)).ok);
    }
    const auto profile = [](const QString &name, Environment environment, const QString &database, int port) {
        ConnectionProfile p;
        p.id = name;
        p.name = name;
        p.environment = environment;
        p.host = QStringLiteral("127.0.0.1");
        p.port = port;
        p.database = database;
        p.user = qEnvironmentVariable("PGUSER");
        p.sslMode = QStringLiteral("disable");
        return p;
    };
    const int port = qEnvironmentVariableIntValue("PGPORT");
    QSettings settings;
    // The unreachable one first: read one after another, it would hold the others back.
    ProfileStore::save(settings, {profile("unreachable", Environment::Staging, "postgres", silent.port()),
                                  profile("staging", Environment::Staging, staging.name(), port),
                                  profile("production", Environment::Production, production.name(), port)});

    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    EnvironmentsPage *page = window.environmentsPage();
    page->findChild<QSpinBox *>(QStringLiteral("timeoutSpin"))->setValue(2);
    QSignalSpy refreshed(page, &EnvironmentsPage::refreshed);
    QSignalSpy read(page, &EnvironmentsPage::environmentRead);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000);
    // Read in parallel: the two that answer come in while the silent one is still waiting out its
    // time limit, and it comes last, marked as not read.
    QCOMPARE(read.size(), 3);
    QCOMPARE(read.at(2).at(0).toString(), QStringLiteral("unreachable"));
    QCOMPARE(read.at(2).at(1).toBool(), false);
    QVERIFY(read.at(0).at(1).toBool() && read.at(1).at(1).toBool());
    QCOMPARE(page->cellText("20250918", "staging"), QStringLiteral("pending"));
    QCOMPARE(page->cellText("20250918", "production"), QStringLiteral("applied"));
    QCOMPARE(page->cellText("20251002090000", "production"), QStringLiteral("pending"));
    QCOMPARE(page->cellText("20250918", "unreachable"), QStringLiteral("not read"));
    // Why it was not read is said whole, below the matrix.
    const QString said = page->findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    // (the page's own time limit or libpq's connect_timeout, whichever comes first)
    QVERIFY2(said.contains(QLatin1String("unreachable could not be read: ")) && said.contains(QLatin1String("timeout")), qPrintable(said));
    settings.clear();
}

void TestEnvironments::theOpenConnectionIsAColumn()
{
    // Before any profile is saved, the database the console is connected to fills the matrix.
    TestDatabase db;
    PasswordStore passwords;
    EnvironmentsPage page(&passwords);
    page.setFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    page.setOpenConnection(db.conninfo(), QStringLiteral("my database"));
    QSignalSpy refreshed(&page, &EnvironmentsPage::refreshed);
    page.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000);
    QCOMPARE(page.cellText("20250918", "my database"), QStringLiteral("pending"));
    QSignalSpy requested(&page, &EnvironmentsPage::compareRequested);
    std::unique_ptr<QMenu> menu(page.compareMenu(0, &page));
    menu->actions().at(0)->trigger();
    QCOMPARE(requested.first(), (QVariantList{QStringLiteral("folder"), QStringLiteral("open")}));
}

QTEST_MAIN(TestEnvironments)
#include "tst_environments.moc"
