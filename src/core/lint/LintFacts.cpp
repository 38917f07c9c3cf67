#include "core/lint/LintRules.h"

using namespace ParseTree;

namespace {

void insertFirst(QHash<QString, int> *facts, const QString &key, int index)
{
    if (!facts->contains(key))
        facts->insert(key, index);
}

void alterTable(const LintStatement &s, LintContext &context)
{
    const QString key = LintContext::key(child(s.body, "relation"));
    if (text(s.body, "objtype") == QLatin1String("OBJECT_TABLE") && !context.createdHere(key))
        insertFirst(&context.alteredAt, key, s.index);
    for (const QJsonValue &value : list(s.body, "cmds")) {
        const QJsonObject cmd = child(value.toObject(), "AlterTableCmd");
        const QString subtype = text(cmd, "subtype");
        if (subtype == QLatin1String("AT_EnableRowSecurity")) {
            insertFirst(&context.rlsEnabledAt, key, s.index);
            context.rlsDisabledAt.remove(key);
        } else if (subtype == QLatin1String("AT_DisableRowSecurity")) {
            insertFirst(&context.rlsDisabledAt, key, s.index);
            context.rlsEnabledAt.remove(key);
        } else if (subtype == QLatin1String("AT_AddConstraint")) {
            const QJsonObject constraint = child(child(cmd, "def"), "Constraint");
            if (flag(constraint, "skip_validation"))
                context.notValidConstraints.insert(text(constraint, "conname"));
        }
    }
}

}  // namespace

void LintRules::recordFacts(const LintStatement &s, LintContext &context)
{
    const QString &type = s.nodeType;
    if (type == QLatin1String("CreateStmt")) {
        insertFirst(&context.createdAt, LintContext::key(child(s.body, "relation")), s.index);
    } else if (type == QLatin1String("ViewStmt")) {
        insertFirst(&context.createdAt, LintContext::key(child(s.body, "view")), s.index);
    } else if (type == QLatin1String("CreateTableAsStmt")) {
        insertFirst(&context.createdAt, LintContext::key(child(child(s.body, "into"), "rel")), s.index);
    } else if (type == QLatin1String("AlterTableStmt")) {
        alterTable(s, context);
    } else if (type == QLatin1String("CreatePolicyStmt")) {
        insertFirst(&context.policyAt, LintContext::key(child(s.body, "table")), s.index);
    } else if (type == QLatin1String("UpdateStmt")
               || (type == QLatin1String("InsertStmt") && child(s.body, "selectStmt").contains(QLatin1String("SelectStmt"))
                   && child(child(s.body, "selectStmt"), "SelectStmt").contains(QLatin1String("fromClause")))) {
        insertFirst(&context.backfilledAt, LintContext::key(child(s.body, "relation")), s.index);
    } else if (type == QLatin1String("VariableSetStmt")) {
        const QString name = text(s.body, "name");
        context.lockTimeoutSet = context.lockTimeoutSet || name == QLatin1String("lock_timeout");
        context.statementTimeoutSet = context.statementTimeoutSet || name == QLatin1String("statement_timeout");
    } else if (type == QLatin1String("TransactionStmt")) {
        const QString kind = text(s.body, "kind");
        if (kind == QLatin1String("TRANS_STMT_BEGIN") || kind == QLatin1String("TRANS_STMT_START"))
            context.openBegin = s.index;
        else if (kind == QLatin1String("TRANS_STMT_COMMIT") || kind == QLatin1String("TRANS_STMT_ROLLBACK")
                 || kind == QLatin1String("TRANS_STMT_PREPARE"))
            context.openBegin = -1;
    }
}
