#pragma once

#include "core/browse/BrowseTypes.h"

#include <QString>

class QWidget;

// The daily_usage picture the browser shows: Qt Charts' bars (UsageChart, in the module opened
// after the first paint), or a sentence saying why they cannot be drawn.
class UsageChartView {
public:
    virtual ~UsageChartView() = default;

    // The widget itself (owned by its parent, as any widget).
    virtual QWidget *widget() = 0;
    // Conversations and API cost per day, stacked by tier; `caption` says what was summed.
    virtual void showPoints(const QList<UsagePoint> &points, const QString &caption) = 0;
    virtual void showMessage(const QString &message) = 0;
    // Bars per day (one per tier) of what is shown.
    virtual int barSetCount() const = 0;
};
