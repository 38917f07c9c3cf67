// The environments matrix: saved profiles read in parallel, one of them unreachable.
#include "support/SilentServer.h"
#include "support/TestDatabase.h"

#include "core/connection/ProfileStore.h"
#include "db/migrate/MigrationRunner.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/MainWindow.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QSpinBox>
#include <QtTest>

class TestEnvironments : public QObject {
    Q_OBJECT
private slots:
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
    ProfileStore::save(settings, {profile("staging", Environment::Staging, staging.name(), port),
                                  profile("production", Environment::Production, production.name(), port),
                                  profile("unreachable", Environment::Staging, "postgres", silent.port())});

    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    EnvironmentsPage *page = window.environmentsPage();
    page->findChild<QSpinBox *>(QStringLiteral("timeoutSpin"))->setValue(2);
    QSignalSpy refreshed(page, &EnvironmentsPage::refreshed);
    QElapsedTimer timer;
    timer.start();
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 15000);
    QVERIFY2(timer.elapsed() < 8000, "the environments were not read in parallel within their time limit");
    QCOMPARE(page->cellText("20250918", "staging"), QStringLiteral("pending"));
    QCOMPARE(page->cellText("20250918", "production"), QStringLiteral("applied"));
    QCOMPARE(page->cellText("20251002090000", "production"), QStringLiteral("pending"));
    QCOMPARE(page->cellText("20250918", "unreachable"), QStringLiteral("unknown"));
    settings.clear();
}

QTEST_MAIN(TestEnvironments)
#include "tst_environments.moc"
