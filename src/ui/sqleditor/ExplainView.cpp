#include "ui/sqleditor/ExplainView.h"

#include "ui/common/RememberedLayout.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { NodeColumn, RelationColumn, EstimatedColumn, ActualColumn, MisestimateColumn, TimeColumn, ShareColumn, BuffersColumn, DetailColumn };

QString rows(double value)
{
    return value < 0 ? QString() : QString::number(value, 'f', 0);
}

}  // namespace

ExplainView::ExplainView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_raw(new QPlainTextEdit(this))
    , m_rawButton(new QPushButton(tr("Raw plan"), this))
{
    setObjectName(QStringLiteral("explainView"));
    m_tree->setObjectName(QStringLiteral("planTree"));
    m_raw->setObjectName(QStringLiteral("rawPlan"));
    m_rawButton->setCheckable(true);
    m_rawButton->setToolTip(tr("Show the plan as PostgreSQL gave it (JSON)"));
    m_raw->setReadOnly(true);
    m_raw->hide();
    m_tree->setHeaderLabels({tr("Node"), tr("Relation"), tr("Est. rows"), tr("Actual rows"), tr("Misestimate"), tr("Time (ms)"),
                             tr("Share"), tr("Buffers hit/read"), tr("Detail")});
    RememberedLayout::keep(m_tree->header(), QStringLiteral("sql/plan"));
    m_tree->setAlternatingRowColors(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_rawButton);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_raw, 1);
    connect(m_rawButton, &QPushButton::toggled, this, [this](bool raw) {
        m_raw->setVisible(raw);
        m_tree->setVisible(!raw);
    });
}

void ExplainView::showPlan(const ExplainPlan &plan)
{
    m_tree->clear();
    m_raw->setPlainText(plan.raw);
    if (!plan.error.isEmpty()) {
        m_summary->setText(plan.error);
        return;
    }
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < plan.nodes.size(); ++i) {
        const PlanNode &node = plan.nodes.at(i);
        auto *item = node.parent < 0 ? new QTreeWidgetItem(m_tree) : new QTreeWidgetItem(items.at(node.parent));
        items.append(item);
        item->setText(NodeColumn, node.nodeType);
        item->setText(RelationColumn, node.relation);
        item->setText(EstimatedColumn, rows(node.estimatedRows));
        if (node.actualRows >= 0) {
            item->setText(ActualColumn, rows(node.actualRows * node.loops));
            item->setText(MisestimateColumn, QStringLiteral("%1x").arg(node.misestimate, 0, 'f', node.misestimate < 10 ? 1 : 0));
            item->setText(TimeColumn, QString::number(node.selfMs, 'f', 3));
            const int blocks = int(node.share * 20 + 0.5);
            item->setText(ShareColumn, QStringLiteral("%1 %2%").arg(QString(blocks, QChar(0x2588))).arg(node.share * 100, 0, 'f', 1));
        }
        if (node.sharedHit >= 0)
            item->setText(BuffersColumn, QStringLiteral("%1/%2").arg(node.sharedHit).arg(node.sharedRead));
        item->setText(DetailColumn, node.detail);
        item->setToolTip(DetailColumn, node.detail);
        for (int c = EstimatedColumn; c <= TimeColumn; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (plan.slowest >= 0) {
        QTreeWidgetItem *slowest = items.at(plan.slowest);
        for (int c = 0; c <= DetailColumn; ++c)
            slowest->setForeground(c, QColor(0xb0, 0x00, 0x20));
        slowest->setToolTip(NodeColumn, tr("the slowest node"));
    }
    if (plan.worstMisestimate >= 0 && plan.nodes.at(plan.worstMisestimate).misestimate >= 10) {
        QTreeWidgetItem *worst = items.at(plan.worstMisestimate);
        worst->setBackground(MisestimateColumn, QColor(0xff, 0xe0, 0xb2));
        worst->setToolTip(MisestimateColumn, tr("the worst misestimate: the planner expected %1 rows").arg(rows(plan.nodes.at(plan.worstMisestimate).estimatedRows)));
    }
    m_tree->expandAll();
    for (int c = 0; c < DetailColumn && !RememberedLayout::userSized(m_tree->header()); ++c)
        m_tree->resizeColumnToContents(c);
    m_summary->setText(plan.analyzed ? tr("Planning %1 ms · execution %2 ms · slowest: %3%4")
                                           .arg(plan.planningMs, 0, 'f', 3)
                                           .arg(plan.executionMs, 0, 'f', 3)
                                           .arg(plan.slowest >= 0 ? plan.nodes.at(plan.slowest).nodeType : QString())
                                           .arg(plan.worstMisestimate >= 0 && plan.nodes.at(plan.worstMisestimate).misestimate >= 10
                                                    ? tr(" · worst misestimate %1x at %2")
                                                          .arg(plan.nodes.at(plan.worstMisestimate).misestimate, 0, 'f', 0)
                                                          .arg(plan.nodes.at(plan.worstMisestimate).nodeType)
                                                    : QString())
                                     : tr("Estimated plan (EXPLAIN without ANALYZE: nothing ran)"));
}
