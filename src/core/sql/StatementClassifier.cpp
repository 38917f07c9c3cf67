#include "core/sql/StatementClassifier.h"

#include "core/sql/CreatedObjects.h"
#include "core/sql/RemovedObjects.h"
#include "core/sql/ObjectReferences.h"
#include "core/sql/ParseTree.h"
#include "core/sql/SessionChanges.h"

#include <QHash>

using namespace ParseTree;

namespace {

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

// Statements that PostgreSQL refuses inside a transaction block, and why.
const QHash<QString, QString> &outsideTransactionOnly()
{
    static const QHash<QString, QString> reasons = {
        {QStringLiteral("CreatedbStmt"), QStringLiteral("CREATE DATABASE cannot run inside a transaction block")},
        {QStringLiteral("DropdbStmt"), QStringLiteral("DROP DATABASE cannot run inside a transaction block")},
        {QStringLiteral("AlterSystemStmt"), QStringLiteral("ALTER SYSTEM cannot run inside a transaction block")},
        {QStringLiteral("CreateTableSpaceStmt"), QStringLiteral("tablespace commands cannot run inside a transaction block")},
        {QStringLiteral("DropTableSpaceStmt"), QStringLiteral("tablespace commands cannot run inside a transaction block")},
        {QStringLiteral("CreateSubscriptionStmt"),
         QStringLiteral("subscriptions with replication slots cannot be managed inside a transaction block")},
        {QStringLiteral("DropSubscriptionStmt"),
         QStringLiteral("subscriptions with replication slots cannot be managed inside a transaction block")},
    };
    return reasons;
}

// Why the statement cannot run inside a transaction block, or nothing.
QString outsideTransactionReason(const QString &node, const QJsonObject &body)
{
    if (node == QLatin1String("IndexStmt") && flag(body, "concurrent"))
        return QStringLiteral("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
    if (node == QLatin1String("DropStmt") && flag(body, "concurrent"))
        return QStringLiteral("DROP INDEX CONCURRENTLY cannot run inside a transaction block");
    if (node == QLatin1String("VacuumStmt") && flag(body, "is_vacuumcmd"))
        return QStringLiteral("VACUUM cannot run inside a transaction block");
    if (node == QLatin1String("ReindexStmt")) {
        for (const QJsonValue &param : list(body, "params")) {
            if (text(child(param.toObject(), "DefElem"), "defname") == QLatin1String("concurrently"))
                return QStringLiteral("REINDEX CONCURRENTLY cannot run inside a transaction block");
        }
    }
    return outsideTransactionOnly().value(node);
}

}  // namespace

void StatementClassifier::classify(const QJsonObject &stmt, SqlStatement *statement)
{
    const QString node = nodeType(stmt);
    const QJsonObject content = body(stmt);
    statement->nodeType = node;
    statement->kind = kindLabels().value(node, node);
    if (node == QLatin1String("TransactionStmt")) {
        statement->controlsTransaction = true;
        statement->transactional = false;
        statement->nonTransactionalReason = QStringLiteral("controls the transaction itself; the console runs each migration "
                                                           "in a transaction of its own, so remove BEGIN/COMMIT from the file");
    } else if (const QString reason = outsideTransactionReason(node, content); !reason.isEmpty()) {
        statement->transactional = false;
        statement->nonTransactionalReason = reason;
    }
    collectCreatedObjects(node, content, statement);
    collectRemovedObjects(node, content, statement);
    statement->references = collectReferences(node, content);
    m_risks.assess(node, content, statement);
    classifySessionChange(node, content, statement);
}
