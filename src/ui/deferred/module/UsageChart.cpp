#include "ui/deferred/module/UsageChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QLabel>
#include <QMap>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {

// The days from the first to the last, those without rows included: a day nobody used the
// product is a day with no bar, not a day left out of the axis. Dates the server wrote in
// another style than ISO are kept as they came.
QStringList everyDayBetween(const QStringList &daysWithRows)
{
    if (daysWithRows.isEmpty())
        return daysWithRows;
    const QDate first = QDate::fromString(daysWithRows.first(), Qt::ISODate);
    const QDate last = QDate::fromString(daysWithRows.last(), Qt::ISODate);
    if (!first.isValid() || !last.isValid() || first > last || first.daysTo(last) > 3660)
        return daysWithRows;
    QStringList days;
    for (QDate day = first; day <= last; day = day.addDays(1))
        days << day.toString(Qt::ISODate);
    return days;
}

QChart *stackedChart(const QString &title, const QStringList &days, const QMap<QString, QMap<QString, double>> &byTier)
{
    auto *series = new QStackedBarSeries;
    for (auto tier = byTier.constBegin(); tier != byTier.constEnd(); ++tier) {
        auto *set = new QBarSet(tier.key());
        for (const QString &day : days)
            *set << tier.value().value(day, 0.0);
        series->append(set);
    }
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    QStringList labels;
    // Every seventh day labelled, counted back from the newest (its weekday), so that dates stay
    // legible. None on the two days at either end: Qt Charts hides a slanted label that reaches
    // past the axis's end (the range's first date was never drawn); the caption gives both ends.
    // The others need a label of their own too: the axis drops a category it already has (" "
    // repeated i % 7 times left 13 dated and 6 blank categories for 90 days, and only the first
    // 19 days' bars were drawn). Zero-width spaces, i of them, are unique and take no room.
    const qsizetype last = days.size() - 1;
    for (qsizetype i = 0; i <= last; ++i) {
        const bool dated = (last - i) % 7 == 0 && i >= 2 && i <= last - 2;
        labels << (dated ? days.at(i).mid(5) : QString(i, QChar(0x200B)));
    }
    x->append(labels);
    x->setLabelsAngle(-60);
    // A label is as wide as its day's bar by default: cut to "..." past a few days. Only every
    // seventh has text, so whole ones do not overlap.
    x->setTruncateLabels(false);
    x->setGridLineVisible(false);  // one line per day hatched the bars over
    series->setBarWidth(0.9);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

}  // namespace

UsageChart::UsageChart(QWidget *parent)
    : QWidget(parent)
    , m_conversations(new QChartView(this))
    , m_cost(new QChartView(this))
    , m_caption(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    layout->addWidget(m_conversations, 1);
    layout->addWidget(m_cost, 1);
    m_conversations->setRenderHint(QPainter::Antialiasing);
    m_cost->setRenderHint(QPainter::Antialiasing);
}

void UsageChart::showMessage(const QString &message)
{
    m_caption->setText(message);
}

void UsageChart::showPoints(const QList<UsagePoint> &points, const QString &caption)
{
    QStringList days;
    QMap<QString, QMap<QString, double>> conversations;
    QMap<QString, QMap<QString, double>> cost;
    for (const UsagePoint &p : points) {
        if (days.isEmpty() || days.last() != p.date)
            days << p.date;
        conversations[p.tier][p.date] += double(p.conversations);
        cost[p.tier][p.date] += p.cost.toDouble();  // only for drawing; the grid shows the exact value
    }
    days = everyDayBetween(days);
    m_barSets = int(conversations.size());
    m_caption->setText(days.isEmpty() ? caption : tr("%1: %2 to %3").arg(caption, days.first(), days.last()));
    // The view gives up the old chart without deleting it: replace first, then delete.
    QChart *old = m_conversations->chart();
    m_conversations->setChart(stackedChart(tr("Conversations per day, by tier"), days, conversations));
    delete old;
    old = m_cost->chart();
    m_cost->setChart(stackedChart(tr("API cost estimate per day (USD), by tier"), days, cost));
    delete old;
}
