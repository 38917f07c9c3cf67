#pragma once

#include "core/sqleditor/ExplainPlan.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

// A plan as a tree: node, relation and detail, estimated and actual rows with the misestimate
// factor, time and its share (a bar), buffers; the slowest node and the worst misestimate
// highlighted; the raw plan one click away.
class ExplainView : public QWidget {
    Q_OBJECT
public:
    explicit ExplainView(QWidget *parent = nullptr);
    void showPlan(const ExplainPlan &plan);
    QTreeWidget *tree() const { return m_tree; }

private:
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_raw;
    QPushButton *m_rawButton;
};
