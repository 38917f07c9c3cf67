#pragma once

#include <QList>
#include <QString>

// One node of a plan, as EXPLAIN (FORMAT JSON) gives it, with what the tree view shows.
struct PlanNode {
    int depth = 0;
    int parent = -1;
    QString nodeType;       // "Seq Scan", "Hash Join"
    QString relation;       // "public.daily_usage" (scans)
    QString detail;         // index, join type, filter, sort key: a line
    double estimatedRows = 0;
    double actualRows = -1; // per loop; -1 without ANALYZE
    double loops = 1;
    double totalMs = -1;    // the node and its children, all loops
    double selfMs = -1;     // the node alone
    double share = 0;       // selfMs of the execution time, 0..1
    double misestimate = 1; // max(actual/estimated, estimated/actual), with rows counted over loops
    qint64 sharedHit = -1;  // buffers, with BUFFERS
    qint64 sharedRead = -1;
};

// A whole plan: its nodes in tree order (parents before children), the slowest node and the worst
// misestimate marked, and the raw text it came from.
struct ExplainPlan {
    QList<PlanNode> nodes;
    bool analyzed = false;
    double planningMs = -1;
    double executionMs = -1;
    int slowest = -1;
    int worstMisestimate = -1;
    QString raw;
    QString error;  // the JSON could not be read: what and where
};

ExplainPlan parseExplainJson(const QString &json);
