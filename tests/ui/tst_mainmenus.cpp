#include "ui/MainMenus.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>
#include <QtTest>

// The menu bar: every page on the keyboard, shortcuts named in tooltips, Help and About.
class TestMainMenus : public QObject {
    Q_OBJECT
private slots:
    void pagesAreOnTheKeyboard();
    void helpSaysTheShortcuts();
};

void TestMainMenus::pagesAreOnTheKeyboard()
{
    MainWindow window;
    window.show();
    window.makePages();  // the pages after the first screen, now
    auto *view = window.menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(view);
    auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QCOMPARE(view->actions().size(), pages->count());
    for (QAction *action : view->actions())
        QVERIFY2(action->toolTip().contains("Ctrl+"), qPrintable(action->toolTip()));
    view->actions().at(4)->trigger();  // Ctrl+5
    QCOMPARE(pages->currentIndex(), 4);
    QCOMPARE(pages->tabText(4).remove('&'), QStringLiteral("Advisors"));
    QCOMPARE(view->actions().at(0)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
    QVERIFY(window.menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu")));
    // Tools: a page's main action from anywhere, its page shown.
    auto *tools = window.menuBar()->findChild<QMenu *>(QStringLiteral("toolsMenu"));
    QVERIFY(tools);
    QCOMPARE(tools->actions().size(), 3);
    tools->actions().at(2)->trigger();  // the TODOs' evidence
    QCOMPARE(pages->tabText(pages->currentIndex()).remove('&'), QStringLiteral("TODOs"));
    tools->actions().at(0)->trigger();  // compare, with no folder or connection open: said, nothing runs
    QCOMPARE(pages->tabText(pages->currentIndex()).remove('&'), QStringLiteral("Compare"));
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("compareStatus"))->text().contains(QLatin1String("no migrations folder is open")));
}

void TestMainMenus::helpSaysTheShortcuts()
{
    MainWindow window;
    window.show();
    window.makePages();  // the pages after the first screen, now
    auto *help = window.menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    QString shown;
    QTimer::singleShot(200, [&shown] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->accept();
        }
    });
    help->actions().at(0)->trigger();
    QVERIFY2(shown.contains("Ctrl+Enter") && shown.contains("Ctrl+D") && shown.contains("Ctrl+1"), qPrintable(shown));
    QCOMPARE(shown, MainMenus::shortcutsText());
    QTimer::singleShot(200, [&shown] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->accept();
        }
    });
    help->actions().at(1)->trigger();
    QVERIFY2(shown.contains("Atlas Console"), qPrintable(shown));
}

QTEST_MAIN(TestMainMenus)
#include "tst_mainmenus.moc"
