#include "core/sql/StatementClassifier.h"

#include <QHash>
#include <QJsonArray>
#include <QStringList>

namespace {

void risk(SqlStatement *statement, RiskLevel level, const QString &reason)
{
    statement->risks.append(StatementRisk{level, reason});
}

void notInTransaction(SqlStatement *statement, const QString &reason)
{
    statement->transactional = false;
    statement->nonTransactionalReason = reason;
}

// Every "sval" string under a node, in order: names of dropped objects whatever their shape.
void collectStrings(const QJsonValue &value, QStringList *out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(QLatin1String("sval")) && object.size() == 1) {
            out->append(object.value(QLatin1String("sval")).toString());
            return;
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != QLatin1String("objargs") && it.key() != QLatin1String("objfuncargs")
                && it.key() != QLatin1String("location"))
                collectStrings(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectStrings(item, out);
    }
}

QString qualifiedNameOf(const QJsonObject &rangeVar);

QString objectName(const QJsonValue &object)
{
    const QJsonObject asObject = object.toObject();
    if (asObject.contains(QLatin1String("RangeVar")))
        return qualifiedNameOf(asObject.value(QLatin1String("RangeVar")).toObject());
    QStringList parts;
    collectStrings(object, &parts);
    return parts.join(QLatin1Char('.'));
}

QString roleName(const QJsonObject &roleSpec)
{
    const QString type = roleSpec.value(QLatin1String("roletype")).toString();
    if (type == QLatin1String("ROLESPEC_PUBLIC"))
        return QStringLiteral("PUBLIC");
    return roleSpec.value(QLatin1String("rolename")).toString();
}

struct ObjectKind {
    const char *word;
    RiskLevel dropRisk;
};

const QHash<QString, ObjectKind> &objectKinds()
{
    static const QHash<QString, ObjectKind> kinds = {
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

const QHash<QString, QString> &kindLabels()
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("CreateStmt"), QStringLiteral("CREATE TABLE")},
        {QStringLiteral("CreateTableAsStmt"), QStringLiteral("CREATE TABLE AS")},
        {QStringLiteral("AlterTableStmt"), QStringLiteral("ALTER TABLE")},
        {QStringLiteral("IndexStmt"), QStringLiteral("CREATE INDEX")},
        {QStringLiteral("DropStmt"), QStringLiteral("DROP")},
        {QStringLiteral("CreateFunctionStmt"), QStringLiteral("CREATE FUNCTION")},
        {QStringLiteral("CreateTrigStmt"), QStringLiteral("CREATE TRIGGER")},
        {QStringLiteral("CreatePolicyStmt"), QStringLiteral("CREATE POLICY")},
        {QStringLiteral("AlterPolicyStmt"), QStringLiteral("ALTER POLICY")},
        {QStringLiteral("GrantStmt"), QStringLiteral("GRANT")},
        {QStringLiteral("InsertStmt"), QStringLiteral("INSERT")},
        {QStringLiteral("UpdateStmt"), QStringLiteral("UPDATE")},
        {QStringLiteral("DeleteStmt"), QStringLiteral("DELETE")},
        {QStringLiteral("SelectStmt"), QStringLiteral("SELECT")},
        {QStringLiteral("TruncateStmt"), QStringLiteral("TRUNCATE")},
        {QStringLiteral("DoStmt"), QStringLiteral("DO")},
        {QStringLiteral("CommentStmt"), QStringLiteral("COMMENT")},
        {QStringLiteral("CreateSchemaStmt"), QStringLiteral("CREATE SCHEMA")},
        {QStringLiteral("CreateExtensionStmt"), QStringLiteral("CREATE EXTENSION")},
        {QStringLiteral("CreateEnumStmt"), QStringLiteral("CREATE TYPE (enum)")},
        {QStringLiteral("AlterEnumStmt"), QStringLiteral("ALTER TYPE")},
        {QStringLiteral("CompositeTypeStmt"), QStringLiteral("CREATE TYPE")},
        {QStringLiteral("ViewStmt"), QStringLiteral("CREATE VIEW")},
        {QStringLiteral("CreateSeqStmt"), QStringLiteral("CREATE SEQUENCE")},
        {QStringLiteral("RenameStmt"), QStringLiteral("RENAME")},
        {QStringLiteral("VariableSetStmt"), QStringLiteral("SET")},
        {QStringLiteral("TransactionStmt"), QStringLiteral("transaction control")},
        {QStringLiteral("VacuumStmt"), QStringLiteral("VACUUM")},
        {QStringLiteral("AlterDefaultPrivilegesStmt"), QStringLiteral("ALTER DEFAULT PRIVILEGES")},
        {QStringLiteral("CreateRoleStmt"), QStringLiteral("CREATE ROLE")},
        {QStringLiteral("DropRoleStmt"), QStringLiteral("DROP ROLE")},
        {QStringLiteral("CreatedbStmt"), QStringLiteral("CREATE DATABASE")},
        {QStringLiteral("DropdbStmt"), QStringLiteral("DROP DATABASE")},
        {QStringLiteral("AlterSystemStmt"), QStringLiteral("ALTER SYSTEM")},
        {QStringLiteral("ReindexStmt"), QStringLiteral("REINDEX")},
        {QStringLiteral("CallStmt"), QStringLiteral("CALL")},
    };
    return labels;
}

bool hasGranteeAnonOrPublic(const QJsonArray &grantees, QStringList *who)
{
    for (const QJsonValue &grantee : grantees) {
        const QString name = roleName(grantee.toObject().value(QLatin1String("RoleSpec")).toObject());
        if (name == QLatin1String("PUBLIC") || name == QLatin1String("anon"))
            who->append(name);
    }
    return !who->isEmpty();
}

QString qualifiedNameOf(const QJsonObject &rangeVar)
{
    const QString schema = rangeVar.value(QLatin1String("schemaname")).toString();
    const QString table = rangeVar.value(QLatin1String("relname")).toString();
    return schema.isEmpty() ? table : schema + QLatin1Char('.') + table;
}

}  // namespace

QString qualifiedName(const QJsonObject &rangeVar)
{
    return qualifiedNameOf(rangeVar);
}

void StatementClassifier::classify(const QJsonObject &stmt, SqlStatement *statement)
{
    const QString node = stmt.isEmpty() ? QString() : stmt.constBegin().key();
    const QJsonObject body = stmt.value(node).toObject();
    statement->nodeType = node;
    statement->kind = kindLabels().value(node, node);

    if (node == QLatin1String("CreateStmt")) {
        const QJsonObject relation = body.value(QLatin1String("relation")).toObject();
        m_createdTables.insert(qualifiedName(relation));
        const QString schema = relation.value(QLatin1String("schemaname")).toString();
        const QString table = relation.value(QLatin1String("relname")).toString();
        statement->creates.append({CreatedObject::Kind::Table, schema, table, table});
        for (const QJsonValue &element : body.value(QLatin1String("tableElts")).toArray()) {
            const QJsonObject column = element.toObject().value(QLatin1String("ColumnDef")).toObject();
            if (!column.isEmpty())
                statement->creates.append({CreatedObject::Kind::Column, schema, table,
                                           column.value(QLatin1String("colname")).toString()});
        }
    } else if (node == QLatin1String("CreatePolicyStmt")) {
        const QJsonObject relation = body.value(QLatin1String("table")).toObject();
        statement->creates.append({CreatedObject::Kind::Policy, relation.value(QLatin1String("schemaname")).toString(),
                                   relation.value(QLatin1String("relname")).toString(),
                                   body.value(QLatin1String("policy_name")).toString()});
    } else if (node == QLatin1String("CreateFunctionStmt")) {
        QStringList parts;
        for (const QJsonValue &part : body.value(QLatin1String("funcname")).toArray())
            parts << part.toObject().value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString();
        const QString name = parts.takeLast();
        statement->creates.append({CreatedObject::Kind::Function, parts.value(0), QString(), name});
    } else if (node == QLatin1String("CreateTrigStmt")) {
        const QJsonObject relation = body.value(QLatin1String("relation")).toObject();
        statement->creates.append({CreatedObject::Kind::Trigger, relation.value(QLatin1String("schemaname")).toString(),
                                   relation.value(QLatin1String("relname")).toString(),
                                   body.value(QLatin1String("trigname")).toString()});
    } else if (node == QLatin1String("ViewStmt")) {
        const QJsonObject view = body.value(QLatin1String("view")).toObject();
        const QString name = view.value(QLatin1String("relname")).toString();
        statement->creates.append({CreatedObject::Kind::View, view.value(QLatin1String("schemaname")).toString(), name, name});
    } else if (node == QLatin1String("TransactionStmt")) {
        statement->controlsTransaction = true;
        notInTransaction(statement, QStringLiteral("controls the transaction itself; the console runs each migration "
                                                   "in a transaction of its own, so remove BEGIN/COMMIT from the file"));
    } else if (node == QLatin1String("IndexStmt")) {
        const QJsonObject relation = body.value(QLatin1String("relation")).toObject();
        const QString table = qualifiedName(relation);
        if (!body.value(QLatin1String("idxname")).toString().isEmpty())
            statement->creates.append({CreatedObject::Kind::Index, relation.value(QLatin1String("schemaname")).toString(),
                                       relation.value(QLatin1String("relname")).toString(),
                                       body.value(QLatin1String("idxname")).toString()});
        if (body.value(QLatin1String("concurrent")).toBool()) {
            notInTransaction(statement, QStringLiteral("CREATE INDEX CONCURRENTLY cannot run inside a transaction block"));
        } else if (!createdHere(table)) {
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("CREATE INDEX blocks writes to %1 while it builds (SHARE lock); on a large table "
                                "use CREATE INDEX CONCURRENTLY in a migration of its own")
                     .arg(table));
        }
    } else if (node == QLatin1String("ReindexStmt")) {
        const QJsonArray params = body.value(QLatin1String("params")).toArray();
        for (const QJsonValue &param : params) {
            if (param.toObject().value(QLatin1String("DefElem")).toObject().value(QLatin1String("defname")).toString()
                == QLatin1String("concurrently"))
                notInTransaction(statement, QStringLiteral("REINDEX CONCURRENTLY cannot run inside a transaction block"));
        }
    } else if (node == QLatin1String("VacuumStmt")) {
        if (body.value(QLatin1String("is_vacuumcmd")).toBool())
            notInTransaction(statement, QStringLiteral("VACUUM cannot run inside a transaction block"));
    } else if (node == QLatin1String("CreatedbStmt")) {
        notInTransaction(statement, QStringLiteral("CREATE DATABASE cannot run inside a transaction block"));
    } else if (node == QLatin1String("DropdbStmt")) {
        notInTransaction(statement, QStringLiteral("DROP DATABASE cannot run inside a transaction block"));
        risk(statement, RiskLevel::Destructive,
             QStringLiteral("drops database %1").arg(body.value(QLatin1String("dbname")).toString()));
    } else if (node == QLatin1String("AlterSystemStmt")) {
        notInTransaction(statement, QStringLiteral("ALTER SYSTEM cannot run inside a transaction block"));
        risk(statement, RiskLevel::Caution, QStringLiteral("ALTER SYSTEM changes the server's configuration file"));
    } else if (node == QLatin1String("CreateTableSpaceStmt") || node == QLatin1String("DropTableSpaceStmt")) {
        notInTransaction(statement, QStringLiteral("tablespace commands cannot run inside a transaction block"));
    } else if (node == QLatin1String("CreateSubscriptionStmt") || node == QLatin1String("DropSubscriptionStmt")) {
        notInTransaction(statement, QStringLiteral("subscriptions with replication slots cannot be managed inside a "
                                                   "transaction block"));
    } else if (node == QLatin1String("AlterEnumStmt")) {
        if (!body.value(QLatin1String("newVal")).toString().isEmpty()
            && body.value(QLatin1String("oldVal")).toString().isEmpty())
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("ALTER TYPE ... ADD VALUE: the new value cannot be used until the transaction commits"));
    } else if (node == QLatin1String("DropStmt")) {
        const QString removeType = body.value(QLatin1String("removeType")).toString();
        const ObjectKind kind = objectKinds().value(removeType, ObjectKind{nullptr, RiskLevel::Caution});
        const QString word = kind.word ? QString::fromLatin1(kind.word)
                                       : removeType.mid(7).toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
        const bool cascade = body.value(QLatin1String("behavior")).toString() == QLatin1String("DROP_CASCADE");
        for (const QJsonValue &object : body.value(QLatin1String("objects")).toArray()) {
            risk(statement, kind.dropRisk,
                 QStringLiteral("drops %1 %2%3")
                     .arg(word, objectName(object),
                          cascade ? QStringLiteral(" and, by CASCADE, everything that depends on it") : QString()));
        }
        if (body.value(QLatin1String("concurrent")).toBool())
            notInTransaction(statement, QStringLiteral("DROP INDEX CONCURRENTLY cannot run inside a transaction block"));
    } else if (node == QLatin1String("DropRoleStmt")) {
        for (const QJsonValue &role : body.value(QLatin1String("roles")).toArray())
            risk(statement, RiskLevel::Destructive,
                 QStringLiteral("drops role %1").arg(roleName(role.toObject().value(QLatin1String("RoleSpec")).toObject())));
    } else if (node == QLatin1String("DropOwnedStmt")) {
        risk(statement, RiskLevel::Destructive, QStringLiteral("DROP OWNED drops every object the roles own"));
    } else if (node == QLatin1String("TruncateStmt")) {
        QStringList tables;
        for (const QJsonValue &relation : body.value(QLatin1String("relations")).toArray())
            tables << qualifiedName(relation.toObject().value(QLatin1String("RangeVar")).toObject());
        risk(statement, RiskLevel::Destructive, QStringLiteral("TRUNCATE removes every row of %1").arg(tables.join(QStringLiteral(", "))));
    } else if (node == QLatin1String("DeleteStmt")) {
        if (!body.contains(QLatin1String("whereClause")))
            risk(statement, RiskLevel::Destructive,
                 QStringLiteral("DELETE without WHERE removes every row of %1")
                     .arg(qualifiedName(body.value(QLatin1String("relation")).toObject())));
    } else if (node == QLatin1String("UpdateStmt")) {
        if (!body.contains(QLatin1String("whereClause")))
            risk(statement, RiskLevel::Destructive,
                 QStringLiteral("UPDATE without WHERE changes every row of %1")
                     .arg(qualifiedName(body.value(QLatin1String("relation")).toObject())));
    } else if (node == QLatin1String("AlterTableStmt")) {
        classifyAlterTable(body, statement);
    } else if (node == QLatin1String("GrantStmt")) {
        QStringList who;
        if (body.value(QLatin1String("is_grant")).toBool()
            && hasGranteeAnonOrPublic(body.value(QLatin1String("grantees")).toArray(), &who)) {
            QStringList privileges;
            for (const QJsonValue &p : body.value(QLatin1String("privileges")).toArray())
                privileges << p.toObject().value(QLatin1String("AccessPriv")).toObject().value(QLatin1String("priv_name")).toString().toUpper();
            QStringList objects;
            for (const QJsonValue &o : body.value(QLatin1String("objects")).toArray())
                objects << objectName(o);
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("grants %1 on %2 to %3: anyone holding the project's anon key gets it unless RLS "
                                "restricts the rows")
                     .arg(privileges.isEmpty() ? QStringLiteral("ALL") : privileges.join(QStringLiteral(", ")),
                          objects.join(QStringLiteral(", ")), who.join(QStringLiteral(", "))));
        }
    } else if (node == QLatin1String("AlterDefaultPrivilegesStmt")) {
        const QJsonObject action = body.value(QLatin1String("action")).toObject().value(QLatin1String("GrantStmt")).toObject();
        QStringList who;
        if (action.value(QLatin1String("is_grant")).toBool()
            && hasGranteeAnonOrPublic(action.value(QLatin1String("grantees")).toArray(), &who))
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("future objects will be granted to %1 by default").arg(who.join(QStringLiteral(", "))));
    } else if (node == QLatin1String("RenameStmt")) {
        const QString type = body.value(QLatin1String("renameType")).toString();
        if (type == QLatin1String("OBJECT_TABLE") || type == QLatin1String("OBJECT_COLUMN")
            || type == QLatin1String("OBJECT_VIEW") || type == QLatin1String("OBJECT_SCHEMA")
            || type == QLatin1String("OBJECT_FUNCTION")) {
            const QString table = qualifiedName(body.value(QLatin1String("relation")).toObject());
            const QString old = body.value(QLatin1String("subname")).toString();
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("renames %1%2 to %3: clients that use the old name break")
                     .arg(table.isEmpty() ? objectName(body.value(QLatin1String("object"))) : table,
                          old.isEmpty() ? QString() : QLatin1Char('.') + old,
                          body.value(QLatin1String("newname")).toString()));
        }
    }
}

void StatementClassifier::classifyAlterTable(const QJsonObject &body, SqlStatement *statement)
{
    const QJsonObject relation = body.value(QLatin1String("relation")).toObject();
    const QString table = qualifiedName(relation);
    const bool fresh = createdHere(table);
    bool lockNoted = false;
    for (const QJsonValue &value : body.value(QLatin1String("cmds")).toArray()) {
        const QJsonObject cmd = value.toObject().value(QLatin1String("AlterTableCmd")).toObject();
        const QString subtype = cmd.value(QLatin1String("subtype")).toString();
        const QString column = cmd.value(QLatin1String("name")).toString();
        if (subtype == QLatin1String("AT_EnableRowSecurity"))
            statement->creates.append({CreatedObject::Kind::RowLevelSecurity,
                                       relation.value(QLatin1String("schemaname")).toString(),
                                       relation.value(QLatin1String("relname")).toString(), QString()});
        if (subtype == QLatin1String("AT_DropColumn")) {
            risk(statement, RiskLevel::Destructive, QStringLiteral("drops column %1.%2 and its data").arg(table, column));
        } else if (subtype == QLatin1String("AT_AlterColumnType")) {
            risk(statement, RiskLevel::Destructive,
                 QStringLiteral("changes the type of %1.%2: rewrites the table under an ACCESS EXCLUSIVE lock, and "
                                "values that do not convert are lost or fail")
                     .arg(table, column));
        } else if (subtype == QLatin1String("AT_DisableRowSecurity")) {
            risk(statement, RiskLevel::Destructive,
                 QStringLiteral("disables row level security on %1: its policies stop applying, every row is visible "
                                "to roles with table grants")
                     .arg(table));
        } else if (subtype == QLatin1String("AT_NoForceRowSecurity")) {
            risk(statement, RiskLevel::Caution, QStringLiteral("stops forcing row level security on %1 for its owner").arg(table));
        } else if (subtype == QLatin1String("AT_DropConstraint")) {
            risk(statement, RiskLevel::Caution, QStringLiteral("drops constraint %1 on %2").arg(column, table));
        } else if (fresh) {
            continue;  // the table was created in this script: nobody else can hold it
        } else if (subtype == QLatin1String("AT_SetNotNull")) {
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("SET NOT NULL on %1.%2 scans the whole table under an ACCESS EXCLUSIVE lock; a "
                                "validated CHECK (%2 IS NOT NULL) constraint avoids the scan")
                     .arg(table, column));
        } else if (subtype == QLatin1String("AT_AddConstraint")) {
            const QJsonObject constraint = cmd.value(QLatin1String("def")).toObject().value(QLatin1String("Constraint")).toObject();
            const QString type = constraint.value(QLatin1String("contype")).toString();
            if ((type == QLatin1String("CONSTR_CHECK") || type == QLatin1String("CONSTR_FOREIGN"))
                && !constraint.value(QLatin1String("skip_validation")).toBool())
                risk(statement, RiskLevel::Caution,
                     QStringLiteral("adding a constraint to %1 checks every row while holding the lock; add it NOT "
                                    "VALID, then VALIDATE CONSTRAINT separately")
                         .arg(table));
            else if (type == QLatin1String("CONSTR_PRIMARY") || type == QLatin1String("CONSTR_UNIQUE"))
                risk(statement, RiskLevel::Caution,
                     QStringLiteral("adding a primary key or unique constraint to %1 builds an index under an ACCESS "
                                    "EXCLUSIVE lock; build the index CONCURRENTLY first, then add the constraint USING "
                                    "INDEX")
                         .arg(table));
        } else if (subtype != QLatin1String("AT_EnableRowSecurity") && subtype != QLatin1String("AT_ForceRowSecurity")
                   && subtype != QLatin1String("AT_ChangeOwner") && !lockNoted) {
            lockNoted = true;
            risk(statement, RiskLevel::Caution,
                 QStringLiteral("ALTER TABLE takes an ACCESS EXCLUSIVE lock on %1: it waits for running queries and "
                                "blocks new ones until the transaction ends")
                     .arg(table));
        }
    }
}
