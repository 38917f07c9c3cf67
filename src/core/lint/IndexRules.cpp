#include "core/lint/LintRules.h"

using namespace ParseTree;

void LintRules::indexes(const LintStatement &s, LintContext &context)
{
    if (s.nodeType == QLatin1String("IndexStmt")) {
        const QString table = relation(s.body);
        const QString index = text(s.body, "idxname");
        const QString named = index.isEmpty() ? QStringLiteral("an index") : QStringLiteral("index ") + index;
        const bool concurrent = flag(s.body, "concurrent");
        if (concurrent && context.atomic())
            context.report("ban-concurrent-index-creation-in-transaction", s,
                           QStringLiteral("builds %1 CONCURRENTLY in a migration that runs in a transaction").arg(named), -1, table);
        if (!concurrent && !context.createdHere(LintContext::key(child(s.body, "relation"))))
            context.report("require-concurrent-index-creation", s, QStringLiteral("builds %1 on %2, blocking its writes").arg(named, table), -1,
                           table);
        if (!context.atomic() && !flag(s.body, "if_not_exists"))
            context.report("prefer-robust-stmts", s, QStringLiteral("CREATE INDEX without IF NOT EXISTS outside a transaction"), -1, table);
    } else if (s.nodeType == QLatin1String("DropStmt") && text(s.body, "removeType") == QLatin1String("OBJECT_INDEX")
               && !flag(s.body, "concurrent")) {
        QStringList dropped;
        for (const QJsonValue &object : list(s.body, "objects"))
            dropped.append(objectName(object));
        context.report("require-concurrent-index-deletion", s, QStringLiteral("drops index %1 without CONCURRENTLY").arg(dropped.join(QStringLiteral(", "))));
    } else if (s.nodeType == QLatin1String("CreateStmt") && !context.atomic() && !flag(s.body, "if_not_exists")) {
        context.report("prefer-robust-stmts", s, QStringLiteral("CREATE TABLE without IF NOT EXISTS outside a transaction"));
    }
}
