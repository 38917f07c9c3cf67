#include "app/ScreenshotScript.h"

#include "ui/advise/AdvisorsPage.h"
#include "ui/compare/ComparePage.h"
#include "ui/migrations/BlockersPanel.h"
#include "ui/browse/BrowserPage.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/MainWindow.h"
#include "ui/migrations/MigrationsPage.h"
#include "ui/connection/ProfilesDialog.h"
#include "ui/migrations/RepairDialog.h"
#include "ui/sqleditor/SqlEditorTab.h"
#include "ui/sqleditor/SqlPage.h"
#include "ui/deferred/SqlTextArea.h"
#include "ui/todos/TodoPage.h"

#include <QApplication>
#include <QComboBox>
#include <QEventLoop>
#include <QLineEdit>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>

ScreenshotScript::ScreenshotScript(MainWindow *window, Plan plan)
    : QObject(window)
    , m_window(window)
    , m_plan(std::move(plan))
{
}

void ScreenshotScript::grab(QWidget *widget)
{
    // Let layouts and queued answers settle before grabbing.
    QTimer::singleShot(400, this, [this, widget] {
        const bool saved = widget->grab().save(m_plan.file);
        if (!saved)
            qWarning("atlas-console: could not write the screenshot to %s", qPrintable(m_plan.file));
        QApplication::exit(saved ? 0 : 1);
    });
}

void ScreenshotScript::run()
{
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    if (m_plan.page == QLatin1String("profiles")) {
        ProfilesDialog *dialog = m_window->profilesDialog();
        dialog->show();
        grab(dialog);
    } else if (m_plan.page == QLatin1String("todos")) {
        tabs->setCurrentWidget(m_window->todoPage());
        connect(m_window->todoPage(), &TodoPage::evidenceShown, this, [this] { grab(m_window); }, Qt::SingleShotConnection);
        QTimer::singleShot(10000, this, [this] { grab(m_window); });  // no connection: no evidence
    } else if (m_plan.page == QLatin1String("environments")) {
        connect(m_window->environmentsPage(), &EnvironmentsPage::refreshed, this, [this] { grab(m_window); },
                Qt::SingleShotConnection);
        tabs->setCurrentWidget(m_window->environmentsPage());
    } else if (m_plan.page.startsWith(QLatin1String("browse"))) {
        BrowserPage *browser = m_window->browserPage();
        tabs->setCurrentWidget(browser);
        auto *side = browser->findChild<QTabWidget *>(QStringLiteral("sideTabs"));
        const bool chart = m_plan.page == QLatin1String("browse-chart");
        connect(browser, &BrowserPage::relationsShown, this,
                [browser] { browser->openTable(QStringLiteral("public"), QStringLiteral("daily_usage")); },
                Qt::SingleShotConnection);
        if (!m_plan.version.isEmpty()) {  // view as this user (e-mail)
            connect(browser, &BrowserPage::tableShown, this, [browser, this] {
                auto *combo = browser->findChild<QComboBox *>(QStringLiteral("viewAsCombo"));
                combo->setCurrentIndex(3);
                auto *user = browser->findChild<QLineEdit *>(QStringLiteral("userEdit"));
                user->setEnabled(true);
                user->setText(m_plan.version);
                connect(browser, &BrowserPage::countShown, this, [this] { grab(m_window); }, Qt::SingleShotConnection);
                emit user->returnPressed();
            }, Qt::SingleShotConnection);
        } else if (chart) {
            side->setCurrentIndex(1);
            connect(browser, &BrowserPage::chartShown, this, [this] { grab(m_window); }, Qt::SingleShotConnection);
        } else {
            connect(browser, &BrowserPage::tableShown, this, [this] { grab(m_window); }, Qt::SingleShotConnection);
        }
    } else if (m_plan.page.startsWith(QLatin1String("sql"))) {
        // The status document's checks in the SQL editor; or the plan of one as a tree.
        SqlPage *sql = m_window->sqlPage();
        tabs->setCurrentWidget(sql);
        SqlEditorTab *editor = sql->currentEditor();
        const bool explain = m_plan.page == QLatin1String("sql-explain");
        editor->editor()->setText(explain ? QStringLiteral("SELECT u.tier, count(*) AS days, sum(u.message_count) AS messages\n"
                                                           "FROM public.daily_usage u\nWHERE u.date > current_date - 30\n"
                                                           "GROUP BY u.tier\nORDER BY messages DESC;")
                                          : QStringLiteral("-- Is the usage table there, what does it look like, what is in it?\n"
                                                           "SELECT to_regclass('public.daily_usage') IS NOT NULL AS daily_usage_exists;\n"
                                                           "\\d daily_usage\n"
                                                           "SELECT tier, count(*) AS days, sum(message_count) AS messages\n"
                                                           "FROM public.daily_usage GROUP BY tier ORDER BY tier;"));
        // After the last statement, or the first that fails (the run stops there; a database
        // without daily_usage waited for the other two forever).
        int remaining = explain ? 1 : 3;
        connect(editor, &SqlEditorTab::ran, this, [this, remaining](const QString &, bool ok) mutable {
            if (remaining > 0 && (--remaining == 0 || !ok)) {
                remaining = 0;
                grab(m_window);
            }
        });
        QTimer::singleShot(1500, this, [editor, explain] {
            if (explain)
                editor->explain(true);
            else
                editor->runAll();
        });
    } else if (m_plan.page == QLatin1String("advisors")) {
        AdvisorsPage *advisors = m_window->advisorsPage();
        tabs->setCurrentWidget(advisors);
        connect(advisors, &AdvisorsPage::advisorsShown, this, [this] { grab(m_window); }, Qt::SingleShotConnection);
        QTimer::singleShot(1500, advisors, &AdvisorsPage::run);
    } else if (m_plan.page == QLatin1String("compare")) {
        // The folder against the open database: the first changed object (else the first) shown.
        ComparePage *compare = m_window->comparePage();
        tabs->setCurrentWidget(compare);
        connect(compare, &ComparePage::compared, this, [this, compare] {
            auto *tree = compare->findChild<QTreeWidget *>(QStringLiteral("compareTree"));
            QTreeWidgetItem *chosen = nullptr;
            for (int g = 0; g < tree->topLevelItemCount(); ++g)
                for (int c = 0; c < tree->topLevelItem(g)->childCount(); ++c) {
                    QTreeWidgetItem *item = tree->topLevelItem(g)->child(c);
                    if (!chosen || (item->text(0).contains(QLatin1String("changed")) && !chosen->text(0).contains(QLatin1String("changed"))))
                        chosen = item;
                }
            if (chosen)
                tree->setCurrentItem(chosen);
            grab(m_window);
        }, Qt::SingleShotConnection);
        QTimer::singleShot(1500, compare, &ComparePage::compareNow);
    } else if (m_plan.page == QLatin1String("server")) {
        tabs->setCurrentIndex(tabs->count() - 1);
        grab(m_window);
    } else {
        MigrationsPage *page = m_window->migrationsPage();
        tabs->setCurrentWidget(page);
        const auto afterStatus = [this, page] {
            if (!m_plan.version.isEmpty())
                page->selectVersion(m_plan.version);
            if (m_plan.page == QLatin1String("repair")) {  // the repair dialog, checks run, nothing written
                page->setRepairConfirmer([this](RepairDialog &dialog) {
                    dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit"))->setText(QStringLiteral("index made by hand in the SQL editor"));
                    dialog.show();
                    QEventLoop settle;
                    QTimer::singleShot(400, &settle, &QEventLoop::quit);
                    settle.exec();
                    const bool saved = dialog.grab().save(m_plan.file);
                    QTimer::singleShot(0, qApp, [saved] { QApplication::exit(saved ? 0 : 1); });
                    return false;
                });
                page->repairSelected(true);
                return;
            }
            if (m_plan.page == QLatin1String("statements")) {  // the statements tab, sizes read
                auto *details = page->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
                details->setCurrentWidget(details->findChild<QWidget *>(QStringLiteral("statementsTab")));
                grab(m_window);
                return;
            }
            if (m_plan.page == QLatin1String("blockers")) {  // apply, and show who blocks it
                connect(page->blockersPanel(), &BlockersPanel::blockersShown, this, [this](int count) {
                    if (count > 0)
                        grab(m_window);
                });
                page->applySelected();
                return;
            }
            if (!m_plan.preview) {
                grab(m_window);
                return;
            }
            connect(page, &MigrationsPage::operationDone, this, [this] { grab(m_window); }, Qt::SingleShotConnection);
            page->dryRunSelected();
        };
        connect(page, &MigrationsPage::statusShown, this, afterStatus, Qt::SingleShotConnection);
    }
}
