#include "ui/MainMenus.h"
#include <QPushButton>
#include "ui/todos/TodoPage.h"
#include "ui/compare/ComparePage.h"
#include "ui/advise/AdvisorsPage.h"

#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

namespace {

QAction *add(QMenu *menu, const QString &text, const QKeySequence &shortcut, const std::function<void()> &triggered)
{
    QAction *action = menu->addAction(text);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::ApplicationShortcut);
    const QString plain = QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
    action->setToolTip(shortcut.isEmpty() ? plain : QStringLiteral("%1 (%2)").arg(plain, shortcut.toString(QKeySequence::NativeText)));
    QObject::connect(action, &QAction::triggered, menu, triggered);
    return action;
}

}  // namespace

namespace MainMenus {

QString shortcutsText()
{
    return QObject::tr(
        "Everywhere\n"
        "  Ctrl+1 … Ctrl+8   Migrations, TODOs, Browse, SQL, Advisors, Environments, Compare, Server\n"
        "  F1                these shortcuts\n"
        "  Ctrl+Q            quit\n"
        "\nMigrations\n"
        "  Ctrl+D            dry run of the selected migration (rolled back)\n"
        "  Ctrl+Enter        apply the selected migration\n"
        "  F5                refresh\n"
        "  Esc               cancel the running dry run, apply or rollback\n"
        "\nBrowse\n"
        "  Ctrl+C            copy the selected cells\n"
        "  Esc               cancel the running count or export\n"
        "\nSQL\n"
        "  Ctrl+Enter        run the statement at the cursor, or the selection\n"
        "  Ctrl+Shift+Enter  run everything\n"
        "  Ctrl+D            dry run (rolled back)\n"
        "  Ctrl+E            EXPLAIN;  Ctrl+Shift+E  EXPLAIN ANALYZE (rolled back)\n"
        "  Esc               cancel the running statement\n"
        "  Ctrl+F            find and replace\n"
        "  Ctrl+T / Ctrl+O / Ctrl+S   new tab, open, save\n"
        "\nCompare\n"
        "  Ctrl+Enter        compare the two sources\n"
        "  Esc               stop reading\n"
        "  Ctrl+S            save the generated migration into the folder\n");
}

void install(MainWindow *window, QTabWidget *pages)
{
    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(QObject::tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    add(file, QObject::tr("&Profiles…"), QKeySequence(), [window] { window->showProfiles(); });
    file->addSeparator();
    add(file, QObject::tr("&Quit"), QKeySequence::Quit, [window] { window->close(); });

    QMenu *view = bar->addMenu(QObject::tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (int i = 0; i < pages->count() && i < 9; ++i)
        add(view, pages->tabText(i), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), [pages, i] { pages->setCurrentIndex(i); });

    // The page's main action from anywhere: the page is shown and it starts.
    QMenu *tools = bar->addMenu(QObject::tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    add(tools, QObject::tr("&Compare the folder with the open database"), QKeySequence(), [window, pages] {
        pages->setCurrentWidget(window->comparePage());
        window->comparePage()->compare(QStringLiteral("folder"), QStringLiteral("open"));
    });
    add(tools, QObject::tr("Run the &advisors"), QKeySequence(), [window, pages] {
        pages->setCurrentWidget(window->advisorsPage());
        window->advisorsPage()->run();
    });
    add(tools, QObject::tr("Check the TODOs' &evidence"), QKeySequence(), [window, pages] {
        pages->setCurrentWidget(window->todoPage());
        if (auto *check = window->todoPage()->findChild<QPushButton *>(QStringLiteral("checkButton")); check && check->isEnabled())
            check->click();
    });

    QMenu *help = bar->addMenu(QObject::tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    add(help, QObject::tr("&Keyboard shortcuts"), QKeySequence::HelpContents,
        [window] { QMessageBox::information(window, QObject::tr("Keyboard shortcuts"), shortcutsText()); });
    add(help, QObject::tr("&About Atlas Console"), QKeySequence(), [window] {
        QMessageBox::about(window, QObject::tr("About Atlas Console"),
                           QObject::tr("<b>Atlas Console %1</b><p>Migrations, TODOs, browsing, SQL and advisors for the PostgreSQL "
                                       "database behind Atlas, local or on Supabase.</p><p>Qt %2 · libpq · libpg_query · QScintilla</p>")
                               .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
}

}  // namespace MainMenus
