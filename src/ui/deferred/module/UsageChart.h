#pragma once

#include "ui/deferred/UsageChartView.h"

#include <QWidget>

class QChartView;
class QLabel;

// The daily_usage picture: conversations and API cost per day, stacked by tier, from sums the
// server computed for the browser's current filter and role (Qt Charts).
class UsageChart : public QWidget, public UsageChartView {
    Q_OBJECT
public:
    explicit UsageChart(QWidget *parent = nullptr);

    QWidget *widget() override { return this; }
    void showPoints(const QList<UsagePoint> &points, const QString &caption) override;
    void showMessage(const QString &message) override;
    int barSetCount() const override { return m_barSets; }

private:
    QChartView *m_conversations;
    QChartView *m_cost;
    QLabel *m_caption;
    int m_barSets = 0;
};
