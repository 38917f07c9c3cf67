#include "core/sql/StatementRisks.h"

#include "core/sql/ParseTree.h"

#include <QHash>

using namespace ParseTree;

namespace {

void risk(SqlStatement *statement, RiskLevel level, const QString &reason)
{
    statement->risks.append(StatementRisk{level, reason});
}

struct DropKind {
    const char *word;
    RiskLevel risk;
};

const QHash<QString, DropKind> &dropKinds()
{
    static const QHash<QString, DropKind> kinds = {
        {QStringLiteral("OBJECT_TABLE"), {"table", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_SCHEMA"), {"schema", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_FUNCTION"), {"function", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_PROCEDURE"), {"procedure", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_ROUTINE"), {"routine", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_TYPE"), {"type", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_DOMAIN"), {"domain", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_POLICY"), {"policy", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_VIEW"), {"view", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_MATVIEW"), {"materialized view", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_SEQUENCE"), {"sequence", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_EXTENSION"), {"extension", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_FOREIGN_TABLE"), {"foreign table", RiskLevel::Destructive}},
        {QStringLiteral("OBJECT_INDEX"), {"index", RiskLevel::Caution}},
        {QStringLiteral("OBJECT_TRIGGER"), {"trigger", RiskLevel::Caution}},
        {QStringLiteral("OBJECT_RULE"), {"rule", RiskLevel::Caution}},
    };
    return kinds;
}

// anon and PUBLIC among the grantees: what the project's public API key gets.
QStringList publicGrantees(const QJsonArray &grantees)
{
    QStringList who;
    for (const QJsonValue &grantee : grantees) {
        const QString name = roleName(child(grantee.toObject(), "RoleSpec"));
        if (name == QLatin1String("PUBLIC") || name == QLatin1String("anon"))
            who.append(name);
    }
    return who;
}

}  // namespace

const QHash<QString, StatementRisks::Rule> &StatementRisks::rules()
{
    static const QHash<QString, Rule> table = {
        {QStringLiteral("CreateStmt"), &StatementRisks::createTable},
        {QStringLiteral("IndexStmt"), &StatementRisks::createIndex},
        {QStringLiteral("AlterTableStmt"), &StatementRisks::alterTable},
        {QStringLiteral("AlterEnumStmt"), &StatementRisks::alterEnum},
        {QStringLiteral("DropStmt"), &StatementRisks::drop},
        {QStringLiteral("DropdbStmt"), &StatementRisks::dropDatabase},
        {QStringLiteral("DropRoleStmt"), &StatementRisks::dropRole},
        {QStringLiteral("DropOwnedStmt"), &StatementRisks::dropOwned},
        {QStringLiteral("AlterSystemStmt"), &StatementRisks::alterSystem},
        {QStringLiteral("TruncateStmt"), &StatementRisks::truncate},
        {QStringLiteral("DeleteStmt"), &StatementRisks::deleteRows},
        {QStringLiteral("UpdateStmt"), &StatementRisks::updateRows},
        {QStringLiteral("GrantStmt"), &StatementRisks::grant},
        {QStringLiteral("AlterDefaultPrivilegesStmt"), &StatementRisks::defaultPrivileges},
        {QStringLiteral("RenameStmt"), &StatementRisks::rename},
    };
    return table;
}

void StatementRisks::assess(const QString &nodeType, const QJsonObject &body, SqlStatement *statement)
{
    const auto rule = rules().constFind(nodeType);
    if (rule != rules().constEnd())
        (this->*rule.value())(body, statement);
}

void StatementRisks::createTable(const QJsonObject &body, SqlStatement *)
{
    m_createdTables.insert(relation(body));
}

void StatementRisks::createIndex(const QJsonObject &body, SqlStatement *statement)
{
    const QString table = relation(body);
    if (!flag(body, "concurrent") && !m_createdTables.contains(table))
        risk(statement, RiskLevel::Caution,
             QStringLiteral("CREATE INDEX blocks writes to %1 while it builds (SHARE lock); on a large table use CREATE INDEX "
                            "CONCURRENTLY in a migration of its own").arg(table));
}

void StatementRisks::alterEnum(const QJsonObject &body, SqlStatement *statement)
{
    if (!text(body, "newVal").isEmpty() && text(body, "oldVal").isEmpty())
        risk(statement, RiskLevel::Caution,
             QStringLiteral("ALTER TYPE ... ADD VALUE: the new value cannot be used until the transaction commits"));
}

void StatementRisks::drop(const QJsonObject &body, SqlStatement *statement)
{
    const QString removeType = text(body, "removeType");
    const DropKind kind = dropKinds().value(removeType, DropKind{nullptr, RiskLevel::Caution});
    const QString word = kind.word ? QString::fromLatin1(kind.word) : removeType.mid(7).toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
    const bool cascade = text(body, "behavior") == QLatin1String("DROP_CASCADE");
    for (const QJsonValue &object : list(body, "objects"))
        risk(statement, kind.risk,
             QStringLiteral("drops %1 %2%3").arg(word, objectName(object),
                                                 cascade ? QStringLiteral(" and, by CASCADE, everything that depends on it") : QString()));
}

void StatementRisks::dropDatabase(const QJsonObject &body, SqlStatement *statement)
{
    risk(statement, RiskLevel::Destructive, QStringLiteral("drops database %1").arg(text(body, "dbname")));
}

void StatementRisks::dropRole(const QJsonObject &body, SqlStatement *statement)
{
    for (const QJsonValue &role : list(body, "roles"))
        risk(statement, RiskLevel::Destructive, QStringLiteral("drops role %1").arg(roleName(child(role.toObject(), "RoleSpec"))));
}

void StatementRisks::dropOwned(const QJsonObject &, SqlStatement *statement)
{
    risk(statement, RiskLevel::Destructive, QStringLiteral("DROP OWNED drops every object the roles own"));
}

void StatementRisks::alterSystem(const QJsonObject &, SqlStatement *statement)
{
    risk(statement, RiskLevel::Caution, QStringLiteral("ALTER SYSTEM changes the server's configuration file"));
}

void StatementRisks::truncate(const QJsonObject &body, SqlStatement *statement)
{
    QStringList tables;
    for (const QJsonValue &r : list(body, "relations"))
        tables << qualifiedName(child(r.toObject(), "RangeVar"));
    risk(statement, RiskLevel::Destructive, QStringLiteral("TRUNCATE removes every row of %1").arg(tables.join(QStringLiteral(", "))));
}

void StatementRisks::deleteRows(const QJsonObject &body, SqlStatement *statement)
{
    if (!body.contains(QLatin1String("whereClause")))
        risk(statement, RiskLevel::Destructive, QStringLiteral("DELETE without WHERE removes every row of %1").arg(relation(body)));
}

void StatementRisks::updateRows(const QJsonObject &body, SqlStatement *statement)
{
    if (!body.contains(QLatin1String("whereClause")))
        risk(statement, RiskLevel::Destructive, QStringLiteral("UPDATE without WHERE changes every row of %1").arg(relation(body)));
}

void StatementRisks::grant(const QJsonObject &body, SqlStatement *statement)
{
    const QStringList who = publicGrantees(list(body, "grantees"));
    if (!flag(body, "is_grant") || who.isEmpty())
        return;
    QStringList privileges;
    for (const QJsonValue &p : list(body, "privileges"))
        privileges << text(child(p.toObject(), "AccessPriv"), "priv_name").toUpper();
    QStringList objects;
    for (const QJsonValue &o : list(body, "objects"))
        objects << objectName(o);
    risk(statement, RiskLevel::Caution,
         QStringLiteral("grants %1 on %2 to %3: anyone holding the project's anon key gets it unless RLS restricts the rows")
             .arg(privileges.isEmpty() ? QStringLiteral("ALL") : privileges.join(QStringLiteral(", ")),
                  objects.join(QStringLiteral(", ")), who.join(QStringLiteral(", "))));
}

void StatementRisks::defaultPrivileges(const QJsonObject &body, SqlStatement *statement)
{
    const QJsonObject action = child(child(body, "action"), "GrantStmt");
    const QStringList who = publicGrantees(list(action, "grantees"));
    if (flag(action, "is_grant") && !who.isEmpty())
        risk(statement, RiskLevel::Caution, QStringLiteral("future objects will be granted to %1 by default").arg(who.join(QStringLiteral(", "))));
}

void StatementRisks::rename(const QJsonObject &body, SqlStatement *statement)
{
    static const QSet<QString> breaksClients{QStringLiteral("OBJECT_TABLE"), QStringLiteral("OBJECT_COLUMN"), QStringLiteral("OBJECT_VIEW"),
                                             QStringLiteral("OBJECT_SCHEMA"), QStringLiteral("OBJECT_FUNCTION")};
    if (!breaksClients.contains(text(body, "renameType")))
        return;
    const QString table = relation(body);
    const QString old = text(body, "subname");
    risk(statement, RiskLevel::Caution,
         QStringLiteral("renames %1%2 to %3: clients that use the old name break")
             .arg(table.isEmpty() ? objectName(body.value(QLatin1String("object"))) : table,
                  old.isEmpty() ? QString() : QLatin1Char('.') + old, text(body, "newname")));
}

void StatementRisks::alterTable(const QJsonObject &body, SqlStatement *statement)
{
    const QString table = relation(body);
    const bool fresh = m_createdTables.contains(table);
    bool lockNoted = false;
    for (const QJsonValue &value : list(body, "cmds")) {
        const QJsonObject cmd = child(value.toObject(), "AlterTableCmd");
        const QString subtype = text(cmd, "subtype");
        const QString column = text(cmd, "name");
        if (subtype == QLatin1String("AT_DropColumn")) {
            risk(statement, RiskLevel::Destructive, QStringLiteral("drops column %1.%2 and its data").arg(table, column));
        } else if (subtype == QLatin1String("AT_AlterColumnType")) {
            risk(statement, RiskLevel::Destructive,
                 QStringLiteral("changes the type of %1.%2: rewrites the table under an ACCESS EXCLUSIVE lock, and values that "
                                "do not convert are lost or fail").arg(table, column));
        } else if (subtype == QLatin1String("AT_DisableRowSecurity")) {
            risk(statement, RiskLevel::Destructive,
                 QStringLiteral("disables row level security on %1: its policies stop applying, every row is visible to roles "
                                "with table grants").arg(table));
        } else if (subtype == QLatin1String("AT_NoForceRowSecurity")) {
            risk(statement, RiskLevel::Caution, QStringLiteral("stops forcing row level security on %1 for its owner").arg(table));
        } else if (subtype == QLatin1String("AT_DropConstraint")) {
            risk(statement, RiskLevel::Caution, QStringLiteral("drops constraint %1 on %2").arg(column, table));
        } else if (fresh) {
            continue;  // the table was created in this script: nobody else can hold it
        } else if (subtype == QLatin1String("AT_SetNotNull")) {
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("SET NOT NULL on %1.%2 scans the whole table under an ACCESS EXCLUSIVE lock; a validated CHECK "
                                "(%2 IS NOT NULL) constraint avoids the scan").arg(table, column));
        } else if (subtype == QLatin1String("AT_AddConstraint")) {
            const QJsonObject constraint = child(child(cmd, "def"), "Constraint");
            const QString type = text(constraint, "contype");
            if ((type == QLatin1String("CONSTR_CHECK") || type == QLatin1String("CONSTR_FOREIGN")) && !flag(constraint, "skip_validation"))
                risk(statement, RiskLevel::Caution,
                     QStringLiteral("adding a constraint to %1 checks every row while holding the lock; add it NOT VALID, then "
                                    "VALIDATE CONSTRAINT separately").arg(table));
            else if (type == QLatin1String("CONSTR_PRIMARY") || type == QLatin1String("CONSTR_UNIQUE"))
                risk(statement, RiskLevel::Caution,
                     QStringLiteral("adding a primary key or unique constraint to %1 builds an index under an ACCESS EXCLUSIVE "
                                    "lock; build the index CONCURRENTLY first, then add the constraint USING INDEX").arg(table));
        } else if (subtype != QLatin1String("AT_EnableRowSecurity") && subtype != QLatin1String("AT_ForceRowSecurity")
                   && subtype != QLatin1String("AT_ChangeOwner") && !lockNoted) {
            lockNoted = true;
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("ALTER TABLE takes an ACCESS EXCLUSIVE lock on %1: it waits for running queries and blocks new "
                                "ones until the transaction ends").arg(table));
        }
    }
}
