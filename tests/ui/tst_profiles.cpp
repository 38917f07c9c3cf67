// Connection profiles: created in the dialog, password in the keychain (scripts/test starts a
// Secret Service), never in the settings file, a log, or the process's arguments.
#include "support/TestDatabase.h"

#include "core/connection/PgPassFile.h"
#include "ui/MainWindow.h"
#include "ui/migrations/MigrationListView.h"
#include "ui/migrations/MigrationsPage.h"
#include "ui/connection/PasswordStore.h"
#include "ui/connection/ProfilesDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

namespace {

QStringList g_messages;

void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages << message;
}

}  // namespace

class TestProfiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void createsAProfileAndConnectsWithTheKeychainPassword();
    void testConnectionSaysWhatFailed();
    void refusesInvalidProfiles_data();
    void refusesInvalidProfiles();
    void pgpassFallbackIsPrivateAndEscaped();

private:
    static QLineEdit *edit(QWidget *w, const char *name) { return w->findChild<QLineEdit *>(QLatin1String(name)); }
    static QPushButton *button(QWidget *w, const char *name) { return w->findChild<QPushButton *>(QLatin1String(name)); }
    static QComboBox *combo(QWidget *w, const char *name) { return w->findChild<QComboBox *>(QLatin1String(name)); }
    static void fillLocalProfile(ProfilesDialog *dialog, const QString &name, const QString &database, int port)
    {
        edit(dialog, "nameEdit")->setText(name);
        emit edit(dialog, "nameEdit")->textEdited(name);
        combo(dialog, "environmentCombo")->setCurrentIndex(0);
        combo(dialog, "sourceCombo")->setCurrentIndex(1);
        edit(dialog, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
        emit edit(dialog, "hostEdit")->textEdited(QString());
        dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(port);
        edit(dialog, "databaseEdit")->setText(database);
        edit(dialog, "userEdit")->setText(qEnvironmentVariable("PGUSER"));
        emit edit(dialog, "userEdit")->textEdited(QString());
        combo(dialog, "sslModeCombo")->setCurrentText(QStringLiteral("disable"));
    }
};

void TestProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    qInstallMessageHandler(captureMessages);
}

void TestProfiles::createsAProfileAndConnectsWithTheKeychainPassword()
{
    TestDatabase db;
    const QString password = qEnvironmentVariable("PGPASSWORD");
    QVERIFY(!password.isEmpty());
    // The password must come from the keychain, not from the environment.
    qunsetenv("PGPASSWORD");
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.show();
    window.makePages();  // the pages after the first screen, now
    ProfilesDialog *dialog = window.profilesDialog();
    dialog->show();
    fillLocalProfile(dialog, QStringLiteral("local test"), db.name(), qEnvironmentVariableIntValue("PGPORT"));
    edit(dialog, "passwordEdit")->setText(password);
    QSignalSpy stored(dialog, &ProfilesDialog::passwordStored);
    QTest::mouseClick(button(dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), 10000);
    QCOMPARE(stored.first().first().toString(), QStringLiteral("keychain"));
    QVERIFY(edit(dialog, "passwordEdit")->text().isEmpty());

    // Nothing of the password in the settings file.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("local test"));
    QVERIFY2(!saved.contains(password.toUtf8()), "the password reached the settings file");

    // Connect from the dialog: the password comes back from the keychain.
    QSignalSpy shown(window.migrationsPage(), &MigrationsPage::statusShown);
    QTest::mouseClick(button(dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>("environmentBand")->text().startsWith("LOCAL · local test"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("migrationTree"));
    QTRY_COMPARE(tree->topLevelItemCount(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(tree->topLevelItem(i)->text(MigrationListView::StateColumn), QStringLiteral("pending"));
    QCOMPARE(combo(&window, "profileCombo")->currentText(), QStringLiteral("local test [local]"));
    QVERIFY(!edit(&window, "connectionEdit")->text().contains(password));

    // No log line and no process argument carries it.
    for (const QString &message : g_messages)
        QVERIFY2(!message.contains(password), qPrintable(message));
    QFile cmdline(QStringLiteral("/proc/self/cmdline"));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY(!cmdline.readAll().contains(password.toUtf8()));
    qputenv("PGPASSWORD", password.toUtf8());

    // The same profile, reloaded from the settings file by a new window.
    MainWindow second;
    QCOMPARE(second.profiles().size(), 1);
    QCOMPARE(second.profiles().first().effectiveDatabase(), db.name());
}

void TestProfiles::testConnectionSaysWhatFailed()
{
    MainWindow window;
    ProfilesDialog *dialog = window.profilesDialog();
    button(dialog, "addButton")->click();
    fillLocalProfile(dialog, QStringLiteral("nothing there"), QStringLiteral("postgres"), 1);
    QSignalSpy tested(dialog, &ProfilesDialog::tested);
    QTest::mouseClick(button(dialog, "testButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!tested.isEmpty(), 15000);
    QCOMPARE(tested.first().at(0).toBool(), false);
    QVERIFY2(tested.first().at(1).toString().contains("Connection refused by 127.0.0.1:1"), qPrintable(tested.first().at(1).toString()));
}

void TestProfiles::refusesInvalidProfiles_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a uri") << 0 << "mysql://x" << "the URI must start with postgresql://";
    QTest::newRow("bad ref") << 2 << "Not A Ref!" << "the project ref is the lower-case id";
}

void TestProfiles::refusesInvalidProfiles()
{
    QFETCH(int, source);
    QFETCH(QString, value);
    QFETCH(QString, message);
    MainWindow window;
    ProfilesDialog *dialog = window.profilesDialog();
    button(dialog, "addButton")->click();
    combo(dialog, "sourceCombo")->setCurrentIndex(source);
    QLineEdit *field = edit(dialog, source == 0 ? "uriEdit" : "projectRefEdit");
    field->setText(value);
    emit field->textEdited(value);
    QSignalSpy saved(dialog, &ProfilesDialog::saved);
    QTest::mouseClick(button(dialog, "saveButton"), Qt::LeftButton);
    QCOMPARE(saved.size(), 0);
    const QString shown = dialog->findChild<QLabel *>(QStringLiteral("resultLabel"))->text();
    QVERIFY2(shown.contains(message), qPrintable(shown));
}

void TestProfiles::pgpassFallbackIsPrivateAndEscaped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pgpass"));
    QString error;
    QVERIFY(PgPassFile::upsert(path, "db.abc.supabase.co", 5432, "postgres", "postgres", "pa:ss\\word", &error));
    QVERIFY(PgPassFile::upsert(path, "other", 6543, "postgres", "u", "x", &error));
    QVERIFY(PgPassFile::upsert(path, "db.abc.supabase.co", 5432, "postgres", "postgres", "new", &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("db.abc.supabase.co:5432:postgres:postgres:new\nother:6543:postgres:u:x\n"));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QCOMPARE(PgPassFile::escape("a:b\\c"), QStringLiteral("a\\:b\\\\c"));
    QVERIFY(!PgPassFile::upsert(path, "h", 1, "d", "u", "two\nlines", &error));
    QVERIFY(error.contains("line break"));
}

QTEST_MAIN(TestProfiles)
#include "tst_profiles.moc"
