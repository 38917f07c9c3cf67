#pragma once

#include "core/browse/ViewAs.h"
#include "core/browse/BrowseTypes.h"

#include <QWidget>

#include <memory>

class BrowseWorker;

namespace Ui {
class BrowserPage;
}
class GridColumnWidths;
class TableBrowserModel;
class UsageChartView;

// Tables and views of the database with their estimated sizes; the rows of one, fetched lazily
// by keyset pages, sorted and filtered on the server; its structure beside the rows; and
// "view as": the same rows through the eyes of anon, service_role or a signed-in user.
class BrowserPage : public QWidget {
    Q_OBJECT
public:
    // Browses through `worker` (its own connection and thread), which the caller owns and stops.
    explicit BrowserPage(BrowseWorker *worker, QWidget *parent = nullptr);
    ~BrowserPage() override;

    void setConnection(const QString &conninfo);
    void openTable(const QString &schema, const QString &table);
    TableBrowserModel *model() const { return m_model; }
    BrowseWorker *worker() const { return m_worker; }
    // The daily_usage chart, made (and Qt Charts opened) when first asked for.
    UsageChartView *usageChart();

public slots:
    void reload(bool fromEnd = false);
    void countExactly();
    void cancel();
    // Streams the current filter's rows to `path` as CSV (a file dialog asks when empty).
    void exportCsv(const QString &path = QString());

signals:
    void relationsShown();
    void tableShown(const QString &schema, const QString &table);
    void countShown(const QString &text);
    void chartShown();
    void exportDone(bool ok, qint64 rows, const QString &message);

private:
    void connectRelations();
    void connectRowControls();
    void connectViewAs();
    void connectCountAndExport();
    void connectChart();
    void connectGrid();
    void showRelations(const QList<RelationInfo> &relations, const QString &error);
    void showStructure(const QString &schema, const QString &table, const RelationStructure &structure, const QString &error);
    void applyViewAs();
    BrowseRequest currentRequest() const;
    void copySelection();

    std::unique_ptr<Ui::BrowserPage> m_ui;
    BrowseWorker *m_worker;
    TableBrowserModel *m_model;
    GridColumnWidths *m_gridWidths;
    QString m_schema;
    QString m_table;
    RelationStructure m_structure;
    ViewAs m_viewAs;
    quint64 m_countTicket = 0;
    quint64 m_chartTicket = 0;
    quint64 m_exportTicket = 0;
    void refreshChart();
    QList<BrowseFilter> m_filters;
    UsageChartView *m_chart = nullptr;  // its widget is a child of the chart tab
};
