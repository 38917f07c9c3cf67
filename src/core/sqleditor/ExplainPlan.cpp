#include "core/sqleditor/ExplainPlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

QString detailOf(const QJsonObject &node)
{
    QStringList parts;
    const auto add = [&](const char *key, const char *label) {
        const QJsonValue value = node.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            parts << QStringLiteral("%1 %2").arg(QLatin1String(label), value.toString());
        else if (value.isArray())
            parts << QStringLiteral("%1 %2").arg(QLatin1String(label), value.toVariant().toStringList().join(QStringLiteral(", ")));
    };
    add("Index Name", "using");
    add("Join Type", "join");
    add("Hash Cond", "on");
    add("Merge Cond", "on");
    add("Index Cond", "where");
    add("Filter", "filter");
    add("Sort Key", "by");
    add("Group Key", "by");
    return parts.join(QStringLiteral("; "));
}

void walk(const QJsonObject &node, int depth, int parent, ExplainPlan *plan)
{
    PlanNode out;
    out.depth = depth;
    out.parent = parent;
    out.nodeType = node.value(QLatin1String("Node Type")).toString();
    const QString relation = node.value(QLatin1String("Relation Name")).toString();
    const QString schema = node.value(QLatin1String("Schema")).toString();
    out.relation = relation.isEmpty() ? QString() : (schema.isEmpty() ? relation : schema + QLatin1Char('.') + relation);
    out.detail = detailOf(node);
    out.estimatedRows = node.value(QLatin1String("Plan Rows")).toDouble();
    if (node.contains(QLatin1String("Actual Rows"))) {
        out.actualRows = node.value(QLatin1String("Actual Rows")).toDouble();
        out.loops = std::max(1.0, node.value(QLatin1String("Actual Loops")).toDouble(1));
        out.totalMs = node.value(QLatin1String("Actual Total Time")).toDouble() * out.loops;
        const double estimated = std::max(1.0, out.estimatedRows * out.loops);
        const double actual = std::max(1.0, out.actualRows * out.loops);
        out.misestimate = std::max(actual / estimated, estimated / actual);
    }
    if (node.contains(QLatin1String("Shared Hit Blocks"))) {
        out.sharedHit = node.value(QLatin1String("Shared Hit Blocks")).toInteger();
        out.sharedRead = node.value(QLatin1String("Shared Read Blocks")).toInteger();
    }
    const int index = int(plan->nodes.size());
    plan->nodes.append(out);
    for (const QJsonValue &child : node.value(QLatin1String("Plans")).toArray())
        walk(child.toObject(), depth + 1, index, plan);
}

}  // namespace

ExplainPlan parseExplainJson(const QString &json)
{
    ExplainPlan plan;
    plan.raw = json;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        plan.error = QStringLiteral("the plan is not JSON: %1 at character %2").arg(parseError.errorString()).arg(parseError.offset);
        return plan;
    }
    const QJsonObject top = document.array().first().toObject();
    if (!top.contains(QLatin1String("Plan"))) {
        plan.error = QStringLiteral("the plan has no \"Plan\": not the output of EXPLAIN (FORMAT JSON)");
        return plan;
    }
    walk(top.value(QLatin1String("Plan")).toObject(), 0, -1, &plan);
    plan.analyzed = !plan.nodes.isEmpty() && plan.nodes.first().actualRows >= 0;
    plan.planningMs = top.value(QLatin1String("Planning Time")).toDouble(-1);
    plan.executionMs = top.value(QLatin1String("Execution Time")).toDouble(-1);
    if (!plan.analyzed)
        return plan;
    // A node's own time: its total less its children's totals.
    for (int i = 0; i < plan.nodes.size(); ++i) {
        double children = 0;
        for (const PlanNode &node : std::as_const(plan.nodes)) {
            if (node.parent == i)
                children += node.totalMs;
        }
        plan.nodes[i].selfMs = std::max(0.0, plan.nodes[i].totalMs - children);
    }
    const double total = plan.executionMs > 0 ? plan.executionMs : plan.nodes.first().totalMs;
    double slowest = -1;
    double worst = 1;
    for (int i = 0; i < plan.nodes.size(); ++i) {
        PlanNode &node = plan.nodes[i];
        node.share = total > 0 ? std::min(1.0, node.selfMs / total) : 0;
        if (node.selfMs > slowest) {
            slowest = node.selfMs;
            plan.slowest = i;
        }
        if (node.misestimate > worst) {
            worst = node.misestimate;
            plan.worstMisestimate = i;
        }
    }
    return plan;
}
