#include "ui/sqleditor/ResultPages.h"

#include "core/sql/StatementFingerprint.h"
#include "core/sqleditor/ExplainPlan.h"
#include "ui/common/ElidedToolTips.h"
#include "ui/common/GridColumnWidths.h"
#include "ui/common/RememberedLayout.h"
#include "ui/migrations/RunReportView.h"
#include "ui/sqleditor/ExplainView.h"
#include "ui/sqleditor/ResultModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

QTableView *ResultPages::grid(const QueryResult &result, int pageSize, bool expanded, const std::function<void(qint64, int)> &fetch,
                              ResultModel **model)
{
    auto *view = new QTableView;
    ElidedToolTips::install(view);  // a long value cut short is read whole on hover
    view->setObjectName(QStringLiteral("resultGrid"));
    *model = new ResultModel(view);
    (*model)->reset(result, pageSize, fetch);
    (*model)->setExpanded(expanded);
    view->setModel(*model);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->resizeColumnsToContents();
    // The same query again (other constants, other spacing) has the columns the user sized.
    const QString fingerprint = statementFingerprint(result.statement);
    if (!fingerprint.isEmpty())
        (new GridColumnWidths(view))->setKey(QStringLiteral("query ") + fingerprint);
    return view;
}

QWidget *ResultPages::dryRun(const RunReport &report)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *label = new QLabel(page);
    label->setWordWrap(true);
    auto *tree = new QTreeWidget(page);
    tree->setObjectName(QStringLiteral("sqlDryRunTree"));
    tree->setHeaderLabels({QObject::tr("Change"), QObject::tr("Kind"), QObject::tr("Name"), QObject::tr("Definition")});
    RememberedLayout::keep(tree->header(), QStringLiteral("sql/dryRun"));
    layout->addWidget(label);
    layout->addWidget(tree, 1);
    RunReportView::showDryRun(report, {}, tree, label);
    return page;
}

QWidget *ResultPages::plan(const QString &json)
{
    auto *view = new ExplainView;
    view->showPlan(parseExplainJson(json));
    return view;
}
