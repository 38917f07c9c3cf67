#include "ui/deferred/UsageChartMessage.h"

UsageChartMessage::UsageChartMessage(const QString &why, QWidget *parent)
    : QLabel(why, parent)
    , m_why(why)
{
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void UsageChartMessage::showPoints(const QList<UsagePoint> &points, const QString &caption)
{
    setText(tr("%1\n%2: %3 sums by day and tier were read.").arg(m_why, caption).arg(points.size()));
}
