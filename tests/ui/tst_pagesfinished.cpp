#include "support/TestDatabase.h"

#include "core/catalog/MigrationCatalog.h"
#include "ui/MainMenus.h"
#include "ui/MainWindow.h"
#include "ui/common/ButtonShortcut.h"
#include "ui/compare/ComparePage.h"
#include "ui/migrations/MigrationsPage.h"
#include "support/ConsoleWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <QTreeWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QToolTip>
#include <QtTest>

// Every page as a new user meets it at 1280×800: the column an admin reads first within the
// viewport, every control named for a screen reader, every button's shortcut said in its tooltip.
class TestPagesFinished : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // no settings of earlier runs
    void keyColumnsAreVisibleAt1280x800();
    void controlsHaveAccessibleNames();
    void buttonShortcutsAreInTheirTooltips();
    void elidedTextShowsWholeAsTooltip();
    void columnWidthsTheUserSetAreKept();

private:
    // Whether the start of `column` and at least `minimum` pixels of it (or all of it) are within
    // the view's viewport, without scrolling.
    static bool visible(QTreeView *view, int column, int minimum = 60)
    {
        QHeaderView *header = view->header();
        const int left = header->sectionViewportPosition(column);
        const int shown = std::min(header->sectionSize(column), minimum);
        return left >= 0 && left + shown <= view->viewport()->width();
    }
};

void TestPagesFinished::keyColumnsAreVisibleAt1280x800()
{
    TestDatabase db;
    {
        auto c = db.connect();
        MigrationRunner runner(*c, TestDatabase::runnerOptions());
        QVERIFY(runner.apply(*scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).find("20250918")).ok);
    }
    MainWindow window;
    window.setMigrationsFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR));
    window.setStatusDocument(QStringLiteral(ATLAS_SEED_DOCUMENT));
    window.resize(1280, 800);
    window.show();
    window.makePages();  // all of them, not only the first screen
    QSignalSpy settled(&window, &MainWindow::connectionSettled);
    window.connectTo(db.conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 15000);
    auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));

    struct Key {
        const char *view;
        QList<int> columns;
        const char *what;
    };
    const QList<Key> keys{{"migrationTree", {0, 1}, "the migrations' state and name"},
                          {"todoTree", {0, 1, 2}, "a TODO, its tick and its evidence"},
                          {"advisorTree", {0, 1, 2}, "a finding's level, check and object"},
                          {"compareTree", {0, 1}, "a difference's change and object"}};
    for (const Key &key : keys) {
        auto *view = window.findChild<QTreeWidget *>(QLatin1String(key.view));
        QVERIFY2(view, key.view);
        // Its page shown, as the user would see it.
        for (QWidget *w = view; w; w = w->parentWidget())
            if (pages->indexOf(w) >= 0)
                pages->setCurrentWidget(w);
        QTRY_VERIFY(view->isVisible());
        if (QString::fromLatin1(key.view) == QLatin1String("compareTree")) {
            QSignalSpy compared(window.comparePage(), &ComparePage::compared);
            window.comparePage()->compareNow();
            QTRY_VERIFY_WITH_TIMEOUT(!compared.isEmpty(), 30000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(view->topLevelItemCount() > 0 || QString::fromLatin1(key.view) == QLatin1String("advisorTree"), 15000);
        for (int column : key.columns)
            QVERIFY2(visible(view, column), qPrintable(QStringLiteral("%1: column %2 (%3) is outside the viewport at 1280×800")
                                                            .arg(QLatin1String(key.view)).arg(column).arg(QLatin1String(key.what))));
        if (QString::fromLatin1(key.view) == QLatin1String("migrationTree")) {
            // The names whole, also in a smaller window (the README's screenshots): they tell
            // migrations apart.
            for (const QSize size : {QSize(1280, 800), QSize(1180, 760)}) {
                window.resize(size);
                QTRY_COMPARE(window.size(), size);
                QVERIFY2(visible(view, 2, view->header()->sectionSize(2)),
                         qPrintable(QStringLiteral("at %1×%2 the migrations' names are cut: the Name column is %3 px, %4 px of it shown")
                                        .arg(size.width()).arg(size.height()).arg(view->header()->sectionSize(2))
                                        .arg(view->viewport()->width() - view->header()->sectionViewportPosition(2))));
            }
            window.resize(1280, 800);
        }
    }
}

void TestPagesFinished::controlsHaveAccessibleNames()
{
    // A screen reader names a control by its accessible name, or by the label whose buddy it is;
    // a placeholder or a tooltip is not a name.
    MainWindow window;
    window.show();
    window.makePages();  // all of them, not only the first screen
    QSet<QWidget *> labelled;
    for (QLabel *label : window.findChildren<QLabel *>())
        if (label->buddy())
            labelled.insert(label->buddy());
    QStringList unnamed;
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        const bool control = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QTextEdit *>(widget);
        if (!control || widget->objectName().isEmpty() || widget->objectName().startsWith(QLatin1String("qt_")))
            continue;
        if (qobject_cast<QLineEdit *>(widget) && qobject_cast<QComboBox *>(widget->parentWidget()))
            continue;  // a combo box's own line edit: the combo box is named
        if (widget->accessibleName().isEmpty() && !labelled.contains(widget))
            unnamed << widget->objectName();
    }
    unnamed.sort();
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") + unnamed.join(QStringLiteral(", "))));
}

void TestPagesFinished::buttonShortcutsAreInTheirTooltips()
{
    // Every key the window answers: the button it stands for names it in its tooltip, or it says
    // where it is documented (and is there).
    MainWindow window;
    window.show();
    window.makePages();  // all of them, not only the first screen
    const QString help = MainMenus::shortcutsText();
    QStringList silent;
    int announced = 0;
    const QList<QShortcut *> shortcuts = window.findChildren<QShortcut *>();
    for (QShortcut *shortcut : shortcuts) {
        const QString key = ButtonShortcut::keyText(shortcut->key());
        auto *button = qobject_cast<QAbstractButton *>(shortcut->property("atlasButton").value<QObject *>());
        if (button) {
            ++announced;
            if (!button->toolTip().contains(key))
                silent << QStringLiteral("%1 (%2): \"%3\"").arg(button->objectName(), key, button->toolTip());
        } else if (shortcut->property("atlasSaidIn").toString().isEmpty() || !help.contains(key)) {
            silent << QStringLiteral("%1 on %2").arg(key, shortcut->parent()->objectName());
        }
    }
    QVERIFY2(silent.isEmpty(), qPrintable(QStringLiteral("keys said nowhere: ") + silent.join(QStringLiteral(", "))));
    QVERIFY2(announced >= 15, qPrintable(QString::number(announced)));  // the pages' buttons, not none
    // Buttons with a shortcut of their own say it too.
    for (QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
        const QKeySequence shortcut = button->shortcut();
        if (!shortcut.isEmpty() && shortcut[0].keyboardModifiers() != Qt::AltModifier)
            QVERIFY2(button->toolTip().contains(ButtonShortcut::keyText(shortcut)), qPrintable(button->objectName()));
    }
}

void TestPagesFinished::elidedTextShowsWholeAsTooltip()
{
    // Every view of the window: a cell cut short shows its whole text on hover.
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.makePages();  // all of them, not only the first screen
    auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("migrationTree"));
    QVERIFY(tree);
    auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    pages->setCurrentIndex(0);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString whole = QStringLiteral("20260101000000_a_migration_name_far_too_long_for_its_column_to_show");
    auto *item = new QTreeWidgetItem(tree, {QStringLiteral("20260101000000"), QStringLiteral("pending"), whole});
    tree->setColumnWidth(2, 60);
    const QRect cell = tree->visualItemRect(item);
    const QPoint at(tree->header()->sectionViewportPosition(2) + 20, cell.center().y());
    QHelpEvent hover(QEvent::ToolTip, at, tree->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(tree->viewport(), &hover);
    QTRY_COMPARE(QToolTip::text(), whole);
    QToolTip::hideText();
}

void TestPagesFinished::columnWidthsTheUserSetAreKept()
{
    // A column the user widens stays as wide when the list is filled again and in the next
    // session, instead of being fitted to its contents once more.
    TestDatabase db;
    QSettings().remove(QStringLiteral("layout"));
    int dragged = 0;
    {
        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(openConsole(window, db.conninfo(), QStringLiteral(ATLAS_MIGRATIONS_DIR)));
        auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("migrationTree"));
        QHeaderView *header = tree->header();
        const int fitted = header->sectionSize(1);
        // The drag a user makes on the border between the first two columns.
        const int y = header->height() / 2;
        const QPoint border(header->sectionViewportPosition(1) + header->sectionSize(1) - 1, y);
        QTest::mousePress(header->viewport(), Qt::LeftButton, {}, border);
        QTest::mouseMove(header->viewport(), border + QPoint(40, 0));
        QTest::mouseMove(header->viewport(), border + QPoint(80, 0));
        QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, border + QPoint(80, 0));
        dragged = header->sectionSize(1);
        QVERIFY2(dragged >= fitted + 60, qPrintable(QStringLiteral("%1 -> %2").arg(fitted).arg(dragged)));

        QSignalSpy shown(window.migrationsPage(), &MigrationsPage::statusShown);
        window.migrationsPage()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 15000);
        QCOMPARE(header->sectionSize(1), dragged);
    }
    MainWindow again;
    again.resize(1280, 800);
    QVERIFY(openConsole(again, db.conninfo(), QStringLiteral(ATLAS_MIGRATIONS_DIR)));
    QCOMPARE(again.findChild<QTreeWidget *>(QStringLiteral("migrationTree"))->header()->sectionSize(1), dragged);
    QSettings().remove(QStringLiteral("layout"));
}

QTEST_MAIN(TestPagesFinished)
#include "tst_pagesfinished.moc"
