// The first window against the real local database, driven through its widgets.
#include "support/SilentServer.h"

#include "ui/MainWindow.h"
#include "ui/todos/TodoPage.h"
#include "ui/sqleditor/SqlPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void showsTheConnectedServer();
    void explainsARefusedConnection();
    void staysResponsiveAndCancelsAHangingConnect();
    void makesTheOtherPagesAfterTheFirstPaint();

private:
    static QString text(QWidget &window, const char *name)
    {
        auto *label = window.findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no widget %1>").arg(QLatin1String(name));
    }
};

void TestMainWindow::showsTheConnectedServer()
{
    MainWindow window;
    window.show();
    QSignalSpy settled(&window, &MainWindow::connectionSettled);
    auto *edit = window.findChild<QLineEdit *>(QStringLiteral("connectionEdit"));
    edit->clear();  // empty: PG* variables
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 15000);
    QCOMPARE(settled.first().first().toBool(), true);
    QCOMPARE(text(window, "databaseValue"), qEnvironmentVariable("PGDATABASE"));
    QCOMPARE(text(window, "userValue"), qEnvironmentVariable("PGUSER"));
    QVERIFY(text(window, "serverVersionValue").startsWith(QLatin1String("15.")));
    QVERIFY2(text(window, "looksLikeValue").contains(QLatin1String("local PostgreSQL")), qPrintable(text(window, "looksLikeValue")));
    QVERIFY(text(window, "environmentBand").startsWith(QLatin1String("LOCAL")));
    QVERIFY(window.windowTitle().contains(qEnvironmentVariable("PGDATABASE")));
}

void TestMainWindow::explainsARefusedConnection()
{
    MainWindow window;
    window.show();
    QSignalSpy settled(&window, &MainWindow::connectionSettled);
    window.connectTo(QStringLiteral("postgresql://postgres:topsecret@127.0.0.1:1/postgres"));
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 15000);
    QCOMPARE(settled.first().first().toBool(), false);
    const QString status = text(window, "statusLabel");
    QVERIFY2(status.contains(QLatin1String("Connection refused by 127.0.0.1:1")), qPrintable(status));
    QVERIFY2(!status.contains(QLatin1String("topsecret")), qPrintable(status));
    auto *edit = window.findChild<QLineEdit *>(QStringLiteral("connectionEdit"));
    QCOMPARE(edit->text(), QStringLiteral("postgresql://postgres:*****@127.0.0.1:1/postgres"));
    // Connecting again from the unchanged field uses the real password, not the asterisks.
    settled.clear();
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 15000);
    QVERIFY(text(window, "statusLabel").contains(QLatin1String("Connection refused by 127.0.0.1:1")));
    QCOMPARE(text(window, "environmentBand"), QStringLiteral("not connected"));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("connectButton"))->isEnabled());
}

void TestMainWindow::staysResponsiveAndCancelsAHangingConnect()
{
    SilentServer silent;
    MainWindow window;
    window.show();
    QSignalSpy settled(&window, &MainWindow::connectionSettled);
    window.connectTo(QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=60").arg(silent.port()));
    // The event loop keeps running while the worker waits on the silent server: an event posted
    // now is handled while the attempt is still in progress.
    bool handled = false;
    QTimer::singleShot(0, &window, [&handled] { handled = true; });
    QTRY_VERIFY_WITH_TIMEOUT(handled, 5000);
    QVERIFY(settled.isEmpty());
    // A shown window starts connecting once it has painted.
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelConnectButton"));
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled(), 5000);
    QVERIFY(settled.isEmpty());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 5000);
    QCOMPARE(settled.first().first().toBool(), false);
    QVERIFY2(text(window, "statusLabel").contains(QLatin1String("cancelled")), qPrintable(text(window, "statusLabel")));
}

void TestMainWindow::makesTheOtherPagesAfterTheFirstPaint()
{
    // Only the migrations' list is on the first screen; the other pages and the migration details
    // come once it has painted, the pages with what the window was told before they existed: the
    // folder, the TODO document, the connection.
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.setStatusDocument(QStringLiteral(ATLAS_SEED_DOCUMENT));
    QSignalSpy settled(&window, &MainWindow::connectionSettled);
    window.connectTo(QString());
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 15000);
    QVERIFY(!window.findChild<TodoPage *>());  // never painted, so not made yet
    QVERIFY(!window.findChild<QTabWidget *>(QStringLiteral("detailTabs")));  // nor the details, though a row is selected
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QCOMPARE(tabs->count(), 8);
    QCOMPARE(tabs->tabText(7), QStringLiteral("Server"));

    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<TodoPage *>(), 5000);
    QVERIFY(window.findChild<QTabWidget *>(QStringLiteral("detailTabs")));
    // Made after the list, they show its selected migration.
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("fileLabel"))->text().isEmpty());
    QCOMPARE(tabs->count(), 8);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(tabs->widget(1), window.todoPage());
    QCOMPARE(tabs->widget(3), window.sqlPage());
    QVERIFY(window.findChild<QTreeWidget *>(QStringLiteral("todoTree"))->topLevelItemCount() > 0);
    QCOMPARE(text(window, "databaseValue"), qEnvironmentVariable("PGDATABASE"));  // the Server page heard of the connection
    QVERIFY(window.findChild<QLineEdit *>(QStringLiteral("connectionEdit"))->isClearButtonEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
