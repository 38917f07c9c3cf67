#include "ui/deferred/module/UsageChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QMap>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {

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
    // Every seventh day labelled, so that dates stay legible. The others need a label of their own
    // too: the axis drops a category it already has (" " repeated i % 7 times left 13 dated and 6
    // blank categories for 90 days, and only the first 19 days' bars were drawn). Zero-width
    // spaces, i of them, are unique and take no room.
    for (int i = 0; i < days.size(); ++i)
        labels << (i % 7 == 0 ? days.at(i).mid(5) : QString(i, QChar(0x200B)));
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
    m_barSets = int(conversations.size());
    m_caption->setText(caption);
    // The view gives up the old chart without deleting it: replace first, then delete.
    QChart *old = m_conversations->chart();
    m_conversations->setChart(stackedChart(tr("Conversations per day, by tier"), days, conversations));
    delete old;
    old = m_cost->chart();
    m_cost->setChart(stackedChart(tr("API cost estimate per day (USD), by tier"), days, cost));
    delete old;
}
