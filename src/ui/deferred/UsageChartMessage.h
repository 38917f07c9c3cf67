#pragma once

#include "ui/deferred/UsageChartView.h"

#include <QLabel>

// The browser's chart when Qt Charts cannot be had (the module of later parts is missing): a
// sentence saying so; the rows are still in the grid.
class UsageChartMessage : public QLabel, public UsageChartView {
    Q_OBJECT
public:
    UsageChartMessage(const QString &why, QWidget *parent = nullptr);

    QWidget *widget() override { return this; }
    void showPoints(const QList<UsagePoint> &points, const QString &caption) override;
    void showMessage(const QString &message) override { setText(message); }
    int barSetCount() const override { return 0; }

private:
    QString m_why;
};
