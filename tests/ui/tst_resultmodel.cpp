#include "ui/sqleditor/ResultModel.h"

#include <QtTest>

// The grid's model of one result: pages asked for as the view scrolls, at most kMaxPages held,
// dropped pages read again, and the end of the rows seen (no endless asking at the bottom).
class TestResultModel : public QObject {
    Q_OBJECT
private slots:
    void asksForPagesAndStopsAtTheEnd();
    void holdsBoundedPagesAndRereadsDroppedOnes();
    void showsRecordsExpanded();
};

namespace {

QueryResult page(qint64 offset, int rows, bool more, int pageSize = 10)
{
    QueryResult result;
    result.columns = {QStringLiteral("n"), QStringLiteral("amount")};
    result.types = {QStringLiteral("integer"), QStringLiteral("numeric")};
    result.offset = offset;
    result.more = more;
    result.page = offset > 0;
    for (int r = 0; r < rows; ++r)
        result.rows.append({QString::number(offset + r + 1), QStringLiteral("0.10")});
    Q_UNUSED(pageSize);
    return result;
}

}  // namespace

void TestResultModel::asksForPagesAndStopsAtTheEnd()
{
    ResultModel model;
    QList<qint64> asked;
    model.reset(page(0, 10, true), 10, [&](qint64 offset, int) { asked << offset; });
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    model.fetchMore(QModelIndex());  // already asked: not twice
    QCOMPARE(asked, QList<qint64>{10});
    model.addPage(page(10, 10, true));
    QCOMPARE(model.rowCount(), 20);
    // The rows end exactly at a page's end: the next page is empty, and then there is no more.
    model.fetchMore(QModelIndex());
    model.addPage(page(20, 0, false));
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(model.index(0, 1).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));  // numeric
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("amount\nnumeric"));
}

void TestResultModel::holdsBoundedPagesAndRereadsDroppedOnes()
{
    ResultModel model;
    QList<qint64> asked;
    model.reset(page(0, 10, true), 10, [&](qint64 offset, int) { asked << offset; });
    for (int p = 1; p < 60; ++p) {
        model.fetchMore(QModelIndex());
        model.addPage(page(p * 10, 10, true));
    }
    QCOMPARE(model.rowsKnown(), 600);
    QVERIFY(model.pagesHeld() <= ResultModel::kMaxPages);
    asked.clear();
    QCOMPARE(model.index(5, 0).data().toString(), QStringLiteral("…"));  // dropped: asked for again
    QCOMPARE(asked, QList<qint64>{0});
    model.addPage(page(0, 10, true));
    QCOMPARE(model.index(5, 0).data().toString(), QStringLiteral("6"));
    QCOMPARE(model.index(595, 0).data().toString(), QStringLiteral("596"));  // recent pages stay
}

void TestResultModel::showsRecordsExpanded()
{
    ResultModel model;
    model.reset(page(0, 2, false), 10, [](qint64, int) {});
    model.setExpanded(true);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.rowCount(), 6);  // two records of two columns, each under a header line
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("-[ RECORD 1 ]-"));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("amount"));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("0.10"));
    QCOMPARE(model.index(4, 1).data().toString(), QStringLiteral("2"));
}

QTEST_MAIN(TestResultModel)
#include "tst_resultmodel.moc"
