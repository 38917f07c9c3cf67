#include "core/lint/LintRules.h"

using namespace ParseTree;

void LintRules::data(const LintStatement &s, LintContext &context)
{
    const bool everyRow = !s.body.contains(QLatin1String("whereClause"));
    const QString table = relation(s.body);
    if (s.nodeType == QLatin1String("UpdateStmt") && everyRow)
        context.report("update-without-where", s, QStringLiteral("updates every row of %1").arg(table), -1, table);
    else if (s.nodeType == QLatin1String("DeleteStmt") && everyRow)
        context.report("delete-without-where", s, QStringLiteral("deletes every row of %1").arg(table), -1, table);
}

void LintRules::dataAtEnd(LintContext &context)
{
    if (!context.atomic())
        return;
    for (auto it = context.backfilledAt.cbegin(); it != context.backfilledAt.cend(); ++it) {
        if (!context.alteredAt.contains(it.key()))
            continue;
        const LintStatement &backfill = context.statements.at(it.value());
        context.report("backfill-with-ddl", backfill,
                       QStringLiteral("fills %1 in the transaction that alters it (statement at line %2): the table stays locked "
                                      "for the whole backfill")
                           .arg(it.key())
                           .arg(context.statements.at(context.alteredAt.value(it.key())).parsed->line),
                       -1, relation(backfill.body));
    }
}
