#include "core/lint/LintRules.h"
#include "core/lint/LintTree.h"

#include <QSet>

using namespace ParseTree;

namespace {

// Extensions that put their objects in a schema of their own whatever the statement says.
bool makesItsOwnSchema(const QString &extension)
{
    static const QSet<QString> own = {QStringLiteral("pg_cron"), QStringLiteral("pg_net"), QStringLiteral("pgsodium"),
                                      QStringLiteral("supabase_vault"), QStringLiteral("pg_graphql"), QStringLiteral("pgmq"),
                                      QStringLiteral("plpgsql")};
    return own.contains(extension);
}

QString functionName(const QJsonObject &body, const char *key)
{
    const QStringList name = names(list(body, key));
    return name.size() == 1 ? QStringLiteral("public.") + name.first() : name.join(QLatin1Char('.'));
}

void createFunction(const LintStatement &s, LintContext &context)
{
    bool fixedPath = false;
    bool definer = false;
    QString language;
    for (const QJsonValue &value : list(s.body, "options")) {
        const QJsonObject option = child(value.toObject(), "DefElem");
        const QString name = text(option, "defname");
        if (name == QLatin1String("set"))
            fixedPath = fixedPath || text(child(child(option, "arg"), "VariableSetStmt"), "name") == QLatin1String("search_path");
        else if (name == QLatin1String("security"))
            definer = LintTree::truthy(option);
        else if (name == QLatin1String("language"))
            language = text(child(child(option, "arg"), "String"), "sval");
    }
    if (fixedPath || language == QLatin1String("c") || language == QLatin1String("internal"))
        return;
    const QString name = functionName(s.body, "funcname");
    context.functionsWithoutSearchPath.insert(name, s.index);
    if (definer)
        context.securityDefinerFunctions.insert(name);
}

// ALTER FUNCTION f SET search_path = ...: fixes a function created earlier in the file.
void alterFunction(const LintStatement &s, LintContext &context)
{
    for (const QJsonValue &value : list(s.body, "actions")) {
        const QJsonObject option = child(value.toObject(), "DefElem");
        if (text(child(child(option, "arg"), "VariableSetStmt"), "name") == QLatin1String("search_path"))
            context.functionsWithoutSearchPath.remove(functionName(child(s.body, "func"), "objname"));
    }
}

void createView(const LintStatement &s, LintContext &context)
{
    const QJsonObject view = child(s.body, "view");
    const QString key = LintContext::key(view);
    if (text(view, "relpersistence") == QLatin1String("t") || !context.exposed(LintContext::schemaOf(key)))
        return;
    if (LintTree::reads(s.body.value(QLatin1String("query")), QStringLiteral("auth"), QStringLiteral("users")))
        context.report("auth-users-exposed", s, QStringLiteral("view %1 serves rows of auth.users through the API").arg(key));
    bool invoker = false;
    for (const QJsonValue &value : list(s.body, "options")) {
        const QJsonObject option = child(value.toObject(), "DefElem");
        if (text(option, "defname") == QLatin1String("security_invoker"))
            invoker = LintTree::truthy(option);
    }
    if (!invoker)
        context.viewsWithoutInvoker.insert(key, s.index);
}

void alterView(const LintStatement &s, LintContext &context)
{
    const QString key = LintContext::key(child(s.body, "relation"));
    for (const QJsonValue &value : list(s.body, "cmds")) {
        const QJsonObject cmd = child(value.toObject(), "AlterTableCmd");
        if (text(cmd, "subtype") != QLatin1String("AT_SetRelOptions"))
            continue;
        for (const QJsonValue &option : list(child(child(cmd, "def"), "List"), "items")) {
            const QJsonObject element = child(option.toObject(), "DefElem");
            if (text(element, "defname") == QLatin1String("security_invoker") && LintTree::truthy(element))
                context.viewsWithoutInvoker.remove(key);
        }
    }
}

void createMaterialized(const LintStatement &s, LintContext &context)
{
    if (text(s.body, "objtype") != QLatin1String("OBJECT_MATVIEW"))
        return;
    const QString key = LintContext::key(child(child(s.body, "into"), "rel"));
    if (!context.exposed(LintContext::schemaOf(key)))
        return;
    context.report("materialized-view-in-api", s, QStringLiteral("materialized view %1 is served by the API without row level security").arg(key));
    if (LintTree::reads(s.body.value(QLatin1String("query")), QStringLiteral("auth"), QStringLiteral("users")))
        context.report("auth-users-exposed", s, QStringLiteral("materialized view %1 serves rows of auth.users through the API").arg(key));
}

void grant(const LintStatement &s, LintContext &context)
{
    if (!flag(s.body, "is_grant") || text(s.body, "objtype") != QLatin1String("OBJECT_TABLE"))
        return;
    QStringList writes;
    for (const QJsonValue &value : list(s.body, "privileges")) {
        const QString privilege = text(child(value.toObject(), "AccessPriv"), "priv_name");
        if (privilege == QLatin1String("insert") || privilege == QLatin1String("update") || privilege == QLatin1String("delete")
            || privilege == QLatin1String("truncate"))
            writes.append(privilege.toUpper());
    }
    if (list(s.body, "privileges").isEmpty())
        writes.append(QStringLiteral("ALL"));
    if (writes.isEmpty())
        return;
    QStringList objects;
    for (const QJsonValue &object : list(s.body, "objects"))
        objects.append(objectName(object));
    if (text(s.body, "targtype") == QLatin1String("ACL_TARGET_ALL_IN_SCHEMA"))
        objects = QStringList{QStringLiteral("all tables in schema %1").arg(objects.join(QStringLiteral(", ")))};
    for (const QJsonValue &value : list(s.body, "grantees")) {
        const QJsonObject grantee = child(value.toObject(), "RoleSpec");
        const QString role = roleName(grantee);
        if (role == QLatin1String("anon") || role == QLatin1String("PUBLIC"))
            context.report("anon-write-grant", s, QStringLiteral("grants %1 on %2 to %3").arg(writes.join(QStringLiteral(", ")),
                                                                                        objects.join(QStringLiteral(", ")), role),
                           LintTree::location(grantee));
    }
}

}  // namespace

void LintRules::security(const LintStatement &s, LintContext &context)
{
    const QString &type = s.nodeType;
    if (type == QLatin1String("CreateFunctionStmt")) {
        createFunction(s, context);
    } else if (type == QLatin1String("AlterFunctionStmt")) {
        alterFunction(s, context);
    } else if (type == QLatin1String("ViewStmt")) {
        createView(s, context);
    } else if (type == QLatin1String("AlterTableStmt") && text(s.body, "objtype") == QLatin1String("OBJECT_VIEW")) {
        alterView(s, context);
    } else if (type == QLatin1String("CreateTableAsStmt")) {
        createMaterialized(s, context);
    } else if (type == QLatin1String("GrantStmt")) {
        grant(s, context);
    } else if (type == QLatin1String("CreateForeignTableStmt")) {
        const QString key = LintContext::key(child(child(s.body, "base"), "relation"));
        if (context.exposed(LintContext::schemaOf(key)))
            context.report("foreign-table-in-api", s, QStringLiteral("foreign table %1 is served by the API without row level security").arg(key));
    } else if (type == QLatin1String("CreateExtensionStmt")) {
        const QString extension = text(s.body, "extname");
        QString schema;
        for (const QJsonValue &value : list(s.body, "options")) {
            const QJsonObject option = child(value.toObject(), "DefElem");
            if (text(option, "defname") == QLatin1String("schema"))
                schema = text(child(child(option, "arg"), "String"), "sval");
        }
        if ((schema.isEmpty() || schema == QLatin1String("public")) && !makesItsOwnSchema(extension))
            context.report("extension-in-public", s, QStringLiteral("creates extension %1 in %2").arg(extension, schema.isEmpty()
                                                                                                        ? QStringLiteral("the search path's first schema (public)")
                                                                                                        : schema));
    } else if (type == QLatin1String("AlterTableStmt")) {
        const QString key = LintContext::key(child(s.body, "relation"));
        for (const QJsonValue &value : list(s.body, "cmds")) {
            if (text(child(value.toObject(), "AlterTableCmd"), "subtype") == QLatin1String("AT_DisableRowSecurity")
                && context.exposed(LintContext::schemaOf(key)))
                context.report("rls-disabled-in-public", s, QStringLiteral("turns row level security off for %1, which the API serves").arg(key));
        }
    }
}

void LintRules::securityAtEnd(LintContext &context)
{
    for (auto it = context.createdAt.cbegin(); it != context.createdAt.cend(); ++it) {
        const LintStatement &made = context.statements.at(it.value());
        if (made.nodeType != QLatin1String("CreateStmt") || !context.exposed(LintContext::schemaOf(it.key())))
            continue;
        if (!context.rlsEnabledAt.contains(it.key()))
            context.report("rls-disabled-in-public", made, QStringLiteral("creates %1, which the API serves, without row level security").arg(it.key()));
        else if (!context.policyAt.contains(it.key()))
            context.report("rls-enabled-no-policy", context.statements.at(context.rlsEnabledAt.value(it.key())),
                           QStringLiteral("%1 has row level security and no policy: the API roles see no rows").arg(it.key()));
    }
    for (auto it = context.policyAt.cbegin(); it != context.policyAt.cend(); ++it) {
        const bool madeHere = context.createdHere(it.key());
        if ((madeHere && !context.rlsEnabledAt.contains(it.key())) || context.rlsDisabledAt.contains(it.key()))
            context.report("policy-exists-rls-disabled", context.statements.at(it.value()),
                           QStringLiteral("a policy on %1, whose row level security is off: it protects nothing").arg(it.key()));
    }
    for (auto it = context.functionsWithoutSearchPath.cbegin(); it != context.functionsWithoutSearchPath.cend(); ++it) {
        const bool definer = context.securityDefinerFunctions.contains(it.key());
        context.report("function-search-path-mutable", context.statements.at(it.value()),
                       QStringLiteral("%1function %2 has no fixed search_path").arg(definer ? QStringLiteral("SECURITY DEFINER ") : QString(), it.key()),
                       -1, QString(), definer);
    }
    for (auto it = context.viewsWithoutInvoker.cbegin(); it != context.viewsWithoutInvoker.cend(); ++it)
        context.report("security-definer-view", context.statements.at(it.value()),
                       QStringLiteral("view %1 runs with its owner's rights, past the row level security of what it reads").arg(it.key()));
}
