// The browser page on daily_usage: lazy pages, bounded memory, the last page, view as a user.
#include "support/TestDatabase.h"

#include "db/browse/BrowseWorker.h"
#include "db/migrate/MigrationRunner.h"
#include "ui/browse/BrowserPage.h"
#include "ui/browse/StructureHtml.h"
#include "ui/browse/TableBrowserModel.h"
#include "ui/deferred/UsageChartView.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QGraphicsTextItem>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QtTest>

class TestBrowserPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pagesLazilyInBoundedMemory();
    void jumpsToTheLastPage();
    void viewsAsAUser();
    void chartsUsageByTier();
    void structureKeepsNamesWhole();
    void gridColumnWidthsAreKeptPerTable();

    void cleanupTestCase()
    {
        m_page.reset();
        m_worker->stop();
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    BrowseWorker *m_worker = nullptr;
    std::unique_ptr<BrowserPage> m_page;
    [[nodiscard]] bool openDailyUsage()
    {
        QSignalSpy shown(m_page.get(), &BrowserPage::tableShown);
        m_page->openTable("public", "daily_usage");
        return QTest::qWaitFor([&] { return !shown.isEmpty() && m_page->model()->rowCount() > 0; }, 10000);
    }
};

void TestBrowserPage::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    auto c = m_db->connect();
    MigrationRunner runner(*c);
    QVERIFY(runner.apply(scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).migrations.first()).ok);
    // 6 users x 1000 days = 6,000 rows: 30 pages of 200.
    const PgResult r = c->exec(QStringLiteral(
        "INSERT INTO auth.users (id, email) SELECT gen_random_uuid(), 'user' || g || '@example.com' FROM generate_series(1, 6) g;"
        "INSERT INTO daily_usage (user_id, date, conversation_count, api_cost_estimate) "
        "SELECT u.id, current_date - d, d % 17, (d % 100) / 7.0 FROM auth.users u, generate_series(0, 999) d;"
        "ANALYZE daily_usage;"));
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    m_worker = BrowseWorker::startOnOwnThread();
    m_page = std::make_unique<BrowserPage>(m_worker);
    m_page->show();
    QSignalSpy listed(m_page.get(), &BrowserPage::relationsShown);
    m_page->setConnection(m_db->conninfo());
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 10000);
}

void TestBrowserPage::pagesLazilyInBoundedMemory()
{
    QVERIFY(openDailyUsage());
    TableBrowserModel *model = m_page->model();
    QCOMPARE(model->rowCount(), TableBrowserModel::kPageSize);
    QCOMPARE(model->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("id"));
    // Scroll to the end, page by page, as the view would.
    const bool reachedTheEnd = QTest::qWaitFor([model] {
        if (model->canFetchMore({}))
            model->fetchMore({});
        return !model->canFetchMore({}) && !model->busy();
    }, 60000);
    QVERIFY(reachedTheEnd);
    QCOMPARE(model->rowCount(), 6000);
    QVERIFY(model->atEnd());
    QVERIFY2(model->loadedPages() <= TableBrowserModel::kMaxLoadedPages, qPrintable(QString::number(model->loadedPages())));
    // A row of a page nobody looked at lately comes back on demand, with the same values. (The rows
    // on screen stay loaded: the view keeps using them.)
    const QModelIndex middle = model->index(1000, 0);
    QCOMPARE(model->data(middle, Qt::DisplayRole).toString(), QStringLiteral("…"));
    QTRY_COMPARE_WITH_TIMEOUT(model->data(middle, Qt::DisplayRole).toString(),
                              m_db->scalar("SELECT id FROM daily_usage ORDER BY id OFFSET 1000 LIMIT 1"), 10000);
    QVERIFY(model->loadedPages() <= TableBrowserModel::kMaxLoadedPages);
    // Numbers stay exact and NULL is not empty.
    const int cost = 8;  // api_cost_estimate
    QCOMPARE(model->headerData(cost, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("api_cost_estimate"));
    QVERIFY(model->data(model->index(0, cost), Qt::DisplayRole).toString().contains('.'));
}

void TestBrowserPage::jumpsToTheLastPage()
{
    QVERIFY(openDailyUsage());
    QSignalSpy arrived(m_page->model(), &TableBrowserModel::pageArrived);
    m_page->reload(true);
    QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), 10000);
    TableBrowserModel *model = m_page->model();
    QCOMPARE(model->rowCount(), TableBrowserModel::kPageSize);
    QCOMPARE(model->data(model->index(model->rowCount() - 1, 0), Qt::DisplayRole).toString(),
             m_db->scalar("SELECT max(id) FROM daily_usage"));
    arrived.clear();
    model->fetchEarlier();
    QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), 10000);
    QCOMPARE(model->rowCount(), 2 * TableBrowserModel::kPageSize);
    QCOMPARE(model->data(model->index(0, 0), Qt::DisplayRole).toString(),
             m_db->scalar("SELECT id FROM daily_usage ORDER BY id DESC OFFSET 399 LIMIT 1"));
}

void TestBrowserPage::viewsAsAUser()
{
    QVERIFY(openDailyUsage());
    auto *combo = m_page->findChild<QComboBox *>(QStringLiteral("viewAsCombo"));
    auto *user = m_page->findChild<QLineEdit *>(QStringLiteral("userEdit"));
    QSignalSpy counted(m_page.get(), &BrowserPage::countShown);
    combo->setCurrentIndex(3);
    emit combo->activated(3);
    user->setText(QStringLiteral("user2@example.com"));
    emit user->returnPressed();
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty(), 10000);
    const QString text = counted.last().first().toString();
    QVERIFY2(text.startsWith("1,000 rows visible as authenticated user user2@example.com, of ~6,000"), qPrintable(text));
    TableBrowserModel *model = m_page->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 10000);
    const QString userId = m_db->scalar("SELECT id FROM auth.users WHERE email = 'user2@example.com'");
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->data(model->index(r, 1), Qt::DisplayRole).toString(), userId);

    counted.clear();
    combo->setCurrentIndex(2);  // anon
    emit combo->activated(2);
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty(), 10000);
    QVERIFY2(counted.last().first().toString().contains("permission denied") || counted.last().first().toString().startsWith("0 rows"),
             qPrintable(counted.last().first().toString()));
    QTRY_COMPARE(model->rowCount(), 0);
}

void TestBrowserPage::chartsUsageByTier()
{
    auto c = m_db->connect();
    QVERIFY(c->exec("UPDATE daily_usage SET tier = 'premium' WHERE date > current_date - 10").ok());
    QVERIFY(c->exec("DELETE FROM daily_usage WHERE date = current_date - 20").ok());  // a day nobody used it
    QSignalSpy charted(m_page.get(), &BrowserPage::chartShown);
    auto *combo = m_page->findChild<QComboBox *>(QStringLiteral("viewAsCombo"));
    combo->setCurrentIndex(0);
    emit combo->activated(0);
    QVERIFY(openDailyUsage());
    QTRY_VERIFY_WITH_TIMEOUT(!charted.isEmpty(), 10000);
    UsageChartView *chart = m_page->usageChart();
    QVERIFY2(chart->widget()->inherits("UsageChart"), qPrintable(chart->widget()->metaObject()->className()));  // Qt Charts', not the stand-in
    QTRY_COMPARE(chart->barSetCount(), 2);  // free and premium, summed on the server
    // Every day has its place on the axis (a category the axis already had was dropped, and the
    // bars after the last category were not drawn).
    for (QChartView *view : chart->widget()->findChildren<QChartView *>()) {
        auto *days = qobject_cast<QBarCategoryAxis *>(view->chart()->axes(Qt::Horizontal).value(0));
        auto *series = qobject_cast<QAbstractBarSeries *>(view->chart()->series().value(0));
        QVERIFY(days && series && !series->barSets().isEmpty());
        QCOMPARE(days->count(), 90);  // the last 90 days, the one without rows included
        QCOMPARE(series->barSets().first()->count(), days->count());
    }
    // The dates under the bars are drawn, the first and the newest day's included (the range's
    // first date reached past the axis's left end, and Qt Charts hid it), at the size the page
    // has in a 1280x800 window.
    m_page->resize(1180, 560);
    for (QWidget *w = chart->widget(); w && w->parentWidget(); w = w->parentWidget())
        if (auto *tabs = qobject_cast<QTabWidget *>(w->parentWidget()->parentWidget()))
            tabs->setCurrentWidget(w);
    const QString newest = QDate::currentDate().toString(Qt::ISODate);
    QVERIFY2(chart->widget()->findChild<QLabel *>()->text().endsWith(QStringLiteral(" to ") + newest),
             qPrintable(chart->widget()->findChild<QLabel *>()->text()));
    for (QChartView *view : chart->widget()->findChildren<QChartView *>()) {
        const QStringList days = qobject_cast<QBarCategoryAxis *>(view->chart()->axes(Qt::Horizontal).value(0))->categories();
        QStringList dates = days;
        dates.removeIf([](const QString &label) { return label.count(QChar(0x200B)) == label.size(); });
        QCOMPARE(dates.size(), 12);  // weekly; none at the ends, which the caption gives
        const auto drawn = [view] {
            QStringList texts;
            for (QGraphicsItem *item : view->scene()->items())
                if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    texts << text->toPlainText();
            return texts;
        };
        for (const QString &date : std::as_const(dates))
            QTRY_VERIFY2(drawn().contains(date), qPrintable(date + QStringLiteral(" is not drawn; drawn: ") + drawn().join(QLatin1Char(' '))));
    }
}

void TestBrowserPage::structureKeepsNamesWhole()
{
    // In a narrow structure pane a long column name wraps between words, never inside itself (a
    // table's narrow cells cut "conversation_count" into "convers / ation_c / ount").
    RelationStructure structure;
    structure.columns = {ColumnInfo{QStringLiteral("conversation_count"), QStringLiteral("integer"), true, QStringLiteral("0")},
                         ColumnInfo{QStringLiteral("api_cost_estimate"), QStringLiteral("numeric(12,6)"), true, QStringLiteral("0")}};
    QTextBrowser pane;
    pane.resize(240, 400);
    pane.setHtml(structureHtml(QStringLiteral("public"), QStringLiteral("daily_usage"), structure));
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTextDocument *document = pane.document();
    document->setTextWidth(pane.viewport()->width());
    QStringList lines;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (int i = 0; i < block.layout()->lineCount(); ++i) {
            const QTextLine line = block.layout()->lineAt(i);
            lines << block.text().mid(line.textStart(), line.textLength());
        }
    for (const ColumnInfo &column : structure.columns)
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(column.name); }),
                 qPrintable(column.name + QStringLiteral(" is cut across lines: ") + lines.join(QStringLiteral(" | "))));
    QVERIFY(!structureHtml(QStringLiteral("public"), QStringLiteral("daily_usage"), structure).contains(QLatin1String("<table")));
}

void TestBrowserPage::gridColumnWidthsAreKeptPerTable()
{
    // A column the user widens in one table's grid is as wide the next time that table is opened,
    // in this session and the next; another table's column of the same name is left alone.
    QSettings().remove(QStringLiteral("layout/grids"));
    QVERIFY(m_db->connect()->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS public.grid_notes (id bigint PRIMARY KEY, user_id uuid);"
                                                 "INSERT INTO public.grid_notes VALUES (1, NULL) ON CONFLICT DO NOTHING"))
                .ok());
    QVERIFY(openDailyUsage());
    auto *grid = m_page->findChild<QTableView *>(QStringLiteral("grid"));
    QHeaderView *header = grid->horizontalHeader();
    const int userIdColumn = 1;
    QCOMPARE(m_page->model()->headerData(userIdColumn, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("user_id"));
    const int before = header->sectionSize(userIdColumn);
    // The drag a user makes on the right border of user_id.
    const int y = header->height() / 2;
    const QPoint border(header->sectionViewportPosition(userIdColumn) + header->sectionSize(userIdColumn) - 1, y);
    QTest::mousePress(header->viewport(), Qt::LeftButton, {}, border);
    QTest::mouseMove(header->viewport(), border + QPoint(60, 0));
    QTest::mouseMove(header->viewport(), border + QPoint(120, 0));
    QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, border + QPoint(120, 0));
    const int dragged = header->sectionSize(userIdColumn);
    QVERIFY2(dragged >= before + 100, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(dragged)));

    // Another table: its user_id has the grid's usual width.
    QSignalSpy shown(m_page.get(), &BrowserPage::tableShown);
    m_page->openTable("public", "grid_notes");
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && m_page->model()->rowCount() == 1, 10000);
    QCOMPARE(m_page->model()->headerData(userIdColumn, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("user_id"));
    QCOMPARE(header->sectionSize(userIdColumn), header->defaultSectionSize());

    // Back to daily_usage: as the user left it.
    QVERIFY(openDailyUsage());
    QCOMPARE(header->sectionSize(userIdColumn), dragged);

    // The next session: a new page, its own worker, the same settings.
    BrowseWorker *worker = BrowseWorker::startOnOwnThread();
    int nextSession = 0;
    {
        BrowserPage again(worker);
        again.show();
        QSignalSpy listed(&again, &BrowserPage::relationsShown);
        again.setConnection(m_db->conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 10000);
        QSignalSpy shownAgain(&again, &BrowserPage::tableShown);
        again.openTable("public", "daily_usage");
        QTRY_VERIFY_WITH_TIMEOUT(!shownAgain.isEmpty() && again.model()->rowCount() > 0, 10000);
        nextSession = again.findChild<QTableView *>(QStringLiteral("grid"))->horizontalHeader()->sectionSize(userIdColumn);
    }
    worker->stop();
    QSettings().remove(QStringLiteral("layout/grids"));
    QCOMPARE(nextSession, dragged);
}

QTEST_MAIN(TestBrowserPage)
#include "tst_browserpage.moc"
