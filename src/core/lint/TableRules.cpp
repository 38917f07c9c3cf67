#include "core/lint/LintRules.h"
#include "core/lint/LintTree.h"

using namespace ParseTree;

namespace {

// ADD COLUMN on a table the file did not create.
void addColumn(const LintStatement &s, LintContext &context, const QJsonObject &cmd, const QString &table)
{
    const QJsonObject column = child(child(cmd, "def"), "ColumnDef");
    const QString name = text(column, "colname");
    const qsizetype at = LintTree::location(column);
    const QJsonObject defaulted = LintTree::constraintOf(column, "CONSTR_DEFAULT");
    const bool generated = LintTree::hasConstraint(column, "CONSTR_GENERATED");
    const bool identity = LintTree::hasConstraint(column, "CONSTR_IDENTITY");
    if (LintTree::hasConstraint(column, "CONSTR_NOTNULL") && defaulted.isEmpty() && !generated && !identity)
        context.report("adding-required-field", s, QStringLiteral("adds column %1 NOT NULL without a default to %2").arg(name, table), at, table);
    if (generated) {
        context.report("adding-field-with-default", s, QStringLiteral("adds the stored generated column %1 to %2: a rewrite").arg(name, table),
                       at, table);
    } else if (identity) {
        context.report("adding-field-with-default", s, QStringLiteral("adds the identity column %1 to %2: a rewrite").arg(name, table), at,
                       table);
    } else if (!defaulted.isEmpty() && LintTree::isVolatileDefault(child(defaulted, "raw_expr"))) {
        context.report("adding-field-with-default", s,
                       QStringLiteral("adds column %1 to %2 with a volatile default: a rewrite").arg(name, table), at, table);
    }
    if (LintTree::hasConstraint(column, "CONSTR_PRIMARY"))
        context.report("adding-serial-primary-key-field", s, QStringLiteral("adds column %1 as the primary key of %2").arg(name, table), at, table);
    if (LintTree::hasConstraint(column, "CONSTR_UNIQUE"))
        context.report("disallowed-unique-constraint", s, QStringLiteral("adds column %1 UNIQUE to %2").arg(name, table), at, table);
    const QJsonObject references = LintTree::constraintOf(column, "CONSTR_FOREIGN");
    if (!references.isEmpty() && !flag(references, "skip_validation"))
        context.report("adding-foreign-key-constraint", s, QStringLiteral("adds column %1 REFERENCES %2 to %3")
                                                               .arg(name, qualifiedName(child(references, "pktable")), table),
                       at, table);
}

void addConstraint(const LintStatement &s, LintContext &context, const QJsonObject &cmd, const QString &table)
{
    const QJsonObject constraint = child(child(cmd, "def"), "Constraint");
    const QString type = text(constraint, "contype");
    const QString name = text(constraint, "conname");
    const QString called = name.isEmpty() ? QString() : QLatin1Char(' ') + name;
    const qsizetype at = LintTree::location(constraint);
    const bool notValid = flag(constraint, "skip_validation");
    const bool usingIndex = !text(constraint, "indexname").isEmpty();
    if (type == QLatin1String("CONSTR_FOREIGN") && !notValid)
        context.report("adding-foreign-key-constraint", s, QStringLiteral("adds the foreign key%1 to %2 and checks every row").arg(called, table),
                       at, table);
    else if (type == QLatin1String("CONSTR_CHECK") && !notValid)
        context.report("constraint-missing-not-valid", s, QStringLiteral("adds the check%1 to %2 and checks every row").arg(called, table), at,
                       table);
    else if (type == QLatin1String("CONSTR_UNIQUE") && !usingIndex)
        context.report("disallowed-unique-constraint", s, QStringLiteral("adds the unique constraint%1 to %2, building its index").arg(called, table),
                       at, table);
    else if (type == QLatin1String("CONSTR_PRIMARY") && !usingIndex)
        context.report("adding-serial-primary-key-field", s,
                       QStringLiteral("adds the primary key%1 to %2, building its index").arg(called, table), at, table);
}

void alterTable(const LintStatement &s, LintContext &context)
{
    if (text(s.body, "objtype") != QLatin1String("OBJECT_TABLE"))
        return;
    const QString key = LintContext::key(child(s.body, "relation"));
    const QString table = relation(s.body);
    const bool existing = !context.createdHere(key);
    for (const QJsonValue &value : list(s.body, "cmds")) {
        const QJsonObject cmd = child(value.toObject(), "AlterTableCmd");
        const QString subtype = text(cmd, "subtype");
        const QString column = text(cmd, "name");
        if (subtype == QLatin1String("AT_AddColumn")) {
            if (existing)
                addColumn(s, context, cmd, table);
            if (!context.atomic() && !flag(cmd, "missing_ok"))
                context.report("prefer-robust-stmts", s, QStringLiteral("ADD COLUMN without IF NOT EXISTS outside a transaction"), -1, table);
        } else if (subtype == QLatin1String("AT_AddConstraint") && existing) {
            addConstraint(s, context, cmd, table);
        } else if (subtype == QLatin1String("AT_ValidateConstraint") && context.atomic() && context.notValidConstraints.contains(column)) {
            context.report("constraint-missing-not-valid", s,
                           QStringLiteral("validates %1 in the transaction that added it NOT VALID: the scan holds the lock").arg(column), -1,
                           table);
        } else if (subtype == QLatin1String("AT_AlterColumnType") && existing) {
            context.report("changing-column-type", s, QStringLiteral("changes the type of %1.%2").arg(table, column),
                           LintTree::location(child(child(cmd, "def"), "ColumnDef")), table);
        } else if (subtype == QLatin1String("AT_SetNotNull") && existing) {
            context.report("adding-not-nullable-field", s, QStringLiteral("sets %1.%2 NOT NULL: a scan under an exclusive lock").arg(table, column),
                           -1, table);
        } else if (subtype == QLatin1String("AT_DropNotNull") && existing) {
            context.report("ban-drop-not-null", s, QStringLiteral("lets %1.%2 be NULL").arg(table, column), -1, table);
        } else if (subtype == QLatin1String("AT_DropColumn") && existing) {
            context.report("ban-drop-column", s, QStringLiteral("drops column %1.%2 and its data").arg(table, column), -1, table);
        }
    }
    if (existing && (!context.lockTimeoutSet || !context.statementTimeoutSet))
        context.report("require-timeout-settings", s, QStringLiteral("alters %1 with no %2 set before it in the file")
                                                          .arg(table, context.lockTimeoutSet ? QStringLiteral("statement_timeout")
                                                                                             : QStringLiteral("lock_timeout")),
                       -1, table);
}

void rename(const LintStatement &s, LintContext &context)
{
    const QString type = text(s.body, "renameType");
    const QString key = LintContext::key(child(s.body, "relation"));
    if (context.createdHere(key))
        return;
    const QString table = relation(s.body);
    if (type == QLatin1String("OBJECT_COLUMN"))
        context.report("renaming-column", s, QStringLiteral("renames %1.%2 to %3").arg(table, text(s.body, "subname"), text(s.body, "newname")),
                       -1, table);
    else if (type == QLatin1String("OBJECT_TABLE"))
        context.report("renaming-table", s, QStringLiteral("renames %1 to %2").arg(table, text(s.body, "newname")), -1, table);
}

void drop(const LintStatement &s, LintContext &context)
{
    const QString type = text(s.body, "removeType");
    if (!context.atomic() && !flag(s.body, "missing_ok"))
        context.report("prefer-robust-stmts", s, QStringLiteral("DROP without IF EXISTS outside a transaction"));
    for (const QJsonValue &object : list(s.body, "objects")) {
        const QString name = objectName(object);
        if (type == QLatin1String("OBJECT_TABLE")) {
            const QString key = name.contains(QLatin1Char('.')) ? name : QStringLiteral("public.") + name;
            if (!context.createdHere(key))
                context.report("ban-drop-table", s, QStringLiteral("drops table %1 and its rows").arg(name), -1, name);
        } else if (type == QLatin1String("OBJECT_SCHEMA")) {
            context.report("ban-drop-schema", s, QStringLiteral("drops schema %1%2").arg(name, text(s.body, "behavior") == QLatin1String("DROP_CASCADE")
                                                                                                   ? QStringLiteral(" and everything in it")
                                                                                                   : QString()));
        }
    }
}

void truncate(const LintStatement &s, LintContext &context)
{
    QStringList tables;
    for (const QJsonValue &value : list(s.body, "relations"))
        tables.append(qualifiedName(child(value.toObject(), "RangeVar")));
    if (text(s.body, "behavior") == QLatin1String("DROP_CASCADE"))
        context.report("ban-truncate-cascade", s, QStringLiteral("truncates %1 and every table that references them").arg(tables.join(QStringLiteral(", "))));
    else
        context.report("ban-truncate", s, QStringLiteral("empties %1").arg(tables.join(QStringLiteral(", "))), -1, tables.value(0));
}

void vacuum(const LintStatement &s, LintContext &context)
{
    bool full = s.nodeType == QLatin1String("ClusterStmt");
    for (const QJsonValue &option : list(s.body, "options"))
        full = full || text(child(option.toObject(), "DefElem"), "defname") == QLatin1String("full");
    if (!full)
        return;
    QString table = relation(s.body);
    const QJsonArray rels = list(s.body, "rels");
    if (table.isEmpty() && !rels.isEmpty())
        table = qualifiedName(child(child(rels.first().toObject(), "VacuumRelation"), "relation"));
    context.report("ban-vacuum-full", s, QStringLiteral("rewrites %1 under an exclusive lock").arg(table.isEmpty() ? QStringLiteral("every table") : table),
                   -1, table);
}

}  // namespace

void LintRules::tables(const LintStatement &s, LintContext &context)
{
    const QString &type = s.nodeType;
    if (type == QLatin1String("AlterTableStmt")) {
        alterTable(s, context);
    } else if (type == QLatin1String("RenameStmt")) {
        rename(s, context);
    } else if (type == QLatin1String("DropStmt")) {
        drop(s, context);
    } else if (type == QLatin1String("TruncateStmt")) {
        truncate(s, context);
    } else if (type == QLatin1String("VacuumStmt") || type == QLatin1String("ClusterStmt")) {
        vacuum(s, context);
    } else if (type == QLatin1String("DropdbStmt")) {
        context.report("ban-drop-database", s, QStringLiteral("drops database %1").arg(text(s.body, "dbname")));
    } else if (type == QLatin1String("CreateDomainStmt")) {
        for (const QJsonValue &value : list(s.body, "constraints")) {
            if (text(child(value.toObject(), "Constraint"), "contype") == QLatin1String("CONSTR_CHECK"))
                context.report("ban-create-domain-with-constraint", s,
                               QStringLiteral("creates domain %1 with a check").arg(names(list(s.body, "domainname")).join(QLatin1Char('.'))));
        }
    } else if (type == QLatin1String("AlterDomainStmt") && text(s.body, "subtype") == QLatin1String("C")) {
        context.report("ban-alter-domain-with-add-constraint", s,
                       QStringLiteral("adds a constraint to domain %1").arg(names(list(s.body, "typeName")).join(QLatin1Char('.'))));
    } else if (type == QLatin1String("RefreshMatViewStmt") && !flag(s.body, "concurrent")
               && !context.createdHere(LintContext::key(child(s.body, "relation")))) {
        context.report("prefer-concurrent-refresh", s, QStringLiteral("refreshes %1, locking out its readers").arg(relation(s.body)));
    }
}
