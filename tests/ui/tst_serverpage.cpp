#include "support/TestDatabase.h"

#include "ui/MainWindow.h"
#include "ui/server/ServerPage.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

// The Server page's details, read from a real server when the connection opens.
class TestServerPage : public QObject {
    Q_OBJECT
private slots:
    void showsSettingsExtensionsSizesConnectionsAndCron();
};

void TestServerPage::showsSettingsExtensionsSizesConnectionsAndCron()
{
    TestDatabase db;
    QVERIFY(db.connect()->exec(QStringLiteral("CREATE TABLE public.big AS SELECT g FROM generate_series(1, 50000) g; ANALYZE public.big")).ok());
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.show();
    window.makePages();  // the pages after the first screen, now
    auto *page = window.serverPage();
    QSignalSpy shown(page, &ServerPage::detailsShown);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("detailsTabs"));
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i).section(QLatin1Char(' '), 0, 0);
    QCOMPARE(titles, (QStringList{"Settings", "Extensions", "Size", "Connections", "pg_cron"}));
    const auto rows = [tabs](int tab) {
        QStringList out;
        auto *tree = qobject_cast<QTreeWidget *>(tabs->widget(tab));
        for (int i = 0; tree && i < tree->topLevelItemCount(); ++i)
            out << tree->topLevelItem(i)->text(0) + '=' + tree->topLevelItem(i)->text(1);
        return out;
    };
    QVERIFY2(rows(0).filter(QRegularExpression("^lock_timeout=")).size() == 1, qPrintable(rows(0).join(' ')));
    QVERIFY(rows(0).filter(QRegularExpression("^connections in use=\\d+ of \\d+$")).size() == 1);
    QVERIFY2(rows(1).contains("plpgsql=1.0"), qPrintable(rows(1).join(' ')));
    QVERIFY2(rows(2).first().startsWith(db.name() + '='), qPrintable(rows(2).join(' ')));
    QVERIFY2(rows(2).filter(QRegularExpression("^public\\.big=")).size() == 1, qPrintable(rows(2).join(' ')));
    QVERIFY(!rows(3).isEmpty());
    // pg_cron lives in the server's postgres database, not in this one: the page says so.
    auto *note = qobject_cast<QLabel *>(tabs->widget(4));
    QVERIFY(note);
    QVERIFY2(note->text().startsWith("pg_cron is not installed in this database"), qPrintable(note->text()));
    shown.clear();
    page->findChild<QPushButton *>(QStringLiteral("refreshDetailsButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
}

QTEST_MAIN(TestServerPage)
#include "tst_serverpage.moc"
