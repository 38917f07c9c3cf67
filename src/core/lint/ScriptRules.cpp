#include "core/lint/DownCoverage.h"
#include "core/lint/LintRules.h"

using namespace ParseTree;

void LintRules::script(const LintStatement &s, LintContext &context)
{
    const SqlStatement &parsed = *s.parsed;
    const QString &type = s.nodeType;
    if (type == QLatin1String("TransactionStmt")) {
        const QString kind = text(s.body, "kind");
        const bool controls = kind == QLatin1String("TRANS_STMT_BEGIN") || kind == QLatin1String("TRANS_STMT_START")
            || kind == QLatin1String("TRANS_STMT_COMMIT") || kind == QLatin1String("TRANS_STMT_ROLLBACK");
        if (controls && context.atomic())
            context.report("transaction-nesting", s, QStringLiteral("%1 in a migration that runs in a transaction of its own").arg(parsed.kind));
        return;
    }
    const bool concurrentIndex = type == QLatin1String("IndexStmt") && flag(s.body, "concurrent");
    if (!parsed.transactional && context.atomic() && !concurrentIndex)
        context.report("non-transactional-without-marker", s, QStringLiteral("%1 in a migration without -- atlas:no-transaction")
                                                                 .arg(parsed.nonTransactionalReason.isEmpty() ? parsed.kind
                                                                                                              : parsed.nonTransactionalReason));
    const QString kind = text(s.body, "kind");
    const bool resets = type == QLatin1String("VariableSetStmt") && kind != QLatin1String("VAR_SET_VALUE")
        && kind != QLatin1String("VAR_SET_CURRENT");
    if (!parsed.changesSetting.isEmpty() && !parsed.changesSettingLocally && !resets && context.atomic())
        context.report("prefer-set-local", s, QStringLiteral("sets %1 for the rest of the session").arg(parsed.changesSetting));
}

void LintRules::scriptAtEnd(LintContext &context)
{
    if (context.openBegin >= 0)
        context.report("ban-uncommitted-transaction", context.statements.at(context.openBegin),
                       QStringLiteral("BEGIN with no COMMIT or ROLLBACK after it"));
    if (!context.file().hasDown)
        return;
    for (const UndoneObject &left : objectsTheDownLeaves(context.statements, context.file().downSql))
        context.report("down-does-not-undo", context.statements.at(left.statement),
                       QStringLiteral("the down file leaves %1").arg(left.what));
}
