#include "core/sql/SessionChanges.h"

#include "core/sql/ParseTree.h"

using namespace ParseTree;

namespace {

// set_config('name', value, is_local) anywhere in a SELECT: its setting name and is_local.
bool findSetConfig(const QJsonValue &value, QString *name, bool *local)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (findSetConfig(item, name, local))
                return true;
        }
        return false;
    }
    const QJsonObject node = value.toObject();
    const QStringList function = names(list(node, "funcname"));
    if (!function.isEmpty() && function.last() == QLatin1String("set_config")) {
        const QJsonArray args = list(node, "args");
        *name = text(child(child(args.at(0).toObject(), "A_Const"), "sval"), "sval");
        // A missing boolval is false in the JSON (zero values are left out).
        *local = flag(child(child(args.at(2).toObject(), "A_Const"), "boolval"), "boolval");
        return !name->isEmpty();
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (findSetConfig(it.value(), name, local))
            return true;
    }
    return false;
}

QString consequence(const QString &setting, bool local)
{
    const QString until = local ? QStringLiteral("for the rest of the migration's transaction")
                                : QStringLiteral("for the rest of the migration (and, not LOCAL, for the session after it)");
    if (touchesEngineLimits(setting))
        return QStringLiteral("%1 changes the limits the console sets on the migration (its lock_timeout and "
                              "statement_timeout): the console puts its own back for the statements after it, and "
                              "resets the session when the migration ends")
            .arg(setting == QLatin1String("all") ? QStringLiteral("RESET ALL") : QStringLiteral("SET ") + setting);
    if (setting == QLatin1String("search_path"))
        return QStringLiteral("SET search_path %1: unqualified names in the statements after it resolve with the new "
                              "path; the console resets it when the migration ends").arg(until);
    return QStringLiteral("SET %1 %2: the statements after it run as that role; the console resets it before it "
                          "writes the history, and when the migration ends").arg(setting, until);
}

}  // namespace

bool touchesEngineLimits(const QString &setting)
{
    return setting == QLatin1String("lock_timeout") || setting == QLatin1String("statement_timeout")
        || setting == QLatin1String("all");
}

void classifySessionChange(const QString &nodeType, const QJsonObject &body, SqlStatement *statement)
{
    QString setting;
    bool local = false;
    if (nodeType == QLatin1String("VariableSetStmt")) {
        const QString kind = text(body, "kind");
        if (kind == QLatin1String("VAR_SET_MULTI"))
            return;  // SET TRANSACTION ...: about this transaction, not a setting
        setting = kind == QLatin1String("VAR_RESET_ALL") ? QStringLiteral("all") : text(body, "name");
        local = flag(body, "is_local");
    } else if (nodeType != QLatin1String("SelectStmt") || !findSetConfig(body, &setting, &local)) {
        return;
    }
    statement->changesSetting = setting;
    statement->changesSettingLocally = local;
    static const QStringList watched = {"lock_timeout", "statement_timeout", "search_path", "role", "session_authorization", "all"};
    if (watched.contains(setting))
        statement->risks.append({RiskLevel::Caution, consequence(setting, local)});
}
