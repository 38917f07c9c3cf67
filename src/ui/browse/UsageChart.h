#pragma once

#include "core/browse/BrowseTypes.h"

#include <QWidget>

class QChartView;
class QLabel;

// The daily_usage picture: conversations and API cost per day, stacked by tier, from sums the
// server computed for the browser's current filter and role.
class UsageChart : public QWidget {
    Q_OBJECT
public:
    explicit UsageChart(QWidget *parent = nullptr);
    void show(const QList<UsagePoint> &points, const QString &caption);
    void showMessage(const QString &message);
    int barSetCount() const { return m_barSets; }

private:
    QChartView *m_conversations;
    QChartView *m_cost;
    QLabel *m_caption;
    int m_barSets = 0;
};
