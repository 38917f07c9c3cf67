#include "core/sql/LockAnalyzer.h"

#include "core/sql/ParseTree.h"

#include <QJsonArray>

namespace {

const QString kAccessExclusive = QStringLiteral("ACCESS EXCLUSIVE");
const QString kShare = QStringLiteral("SHARE");
const QString kShareRowExclusive = QStringLiteral("SHARE ROW EXCLUSIVE");
const QString kShareUpdateExclusive = QStringLiteral("SHARE UPDATE EXCLUSIVE");
const QString kRowExclusive = QStringLiteral("ROW EXCLUSIVE");
const QString kExclusive = QStringLiteral("EXCLUSIVE");
const QString kRowShare = QStringLiteral("ROW SHARE");
const QString kAccessShare = QStringLiteral("ACCESS SHARE");

// LOCK TABLE's mode numbers (lockdefs.h).
QString lockModeName(int mode)
{
    switch (mode) {
    case 1: return kAccessShare;
    case 2: return kRowShare;
    case 3: return kRowExclusive;
    case 4: return kShareUpdateExclusive;
    case 5: return kShare;
    case 6: return kShareRowExclusive;
    case 7: return kExclusive;
    default: return kAccessExclusive;
    }
}

// An ACCESS EXCLUSIVE lock that is quick to hold still queues every later query on the table
// while it waits for the current ones: a short lock_timeout turns that wait into a retryable error.
const QString kShortLockTimeout = QStringLiteral(
    "brief, but every query on the table queues behind it while it waits: keep lock_timeout short "
    "(this console sets 4s; psql and the SQL editor wait for ever) and retry");

QString relationOf(const QJsonObject &body, const char *key = "relation")
{
    return ParseTree::qualifiedName(body.value(QLatin1String(key)).toObject());
}

// A default that is evaluated per row makes ADD COLUMN rewrite the table (a constant does not,
// since PostgreSQL 11).
bool volatileDefault(const QJsonObject &columnDef)
{
    static const QSet<QString> volatileFunctions{"random", "clock_timestamp", "gen_random_uuid", "uuid_generate_v4",
                                                 "timeofday", "nextval", "txid_current"};
    for (const QJsonValue &c : columnDef.value(QLatin1String("constraints")).toArray()) {
        const QJsonObject constraint = c.toObject().value(QLatin1String("Constraint")).toObject();
        if (constraint.value(QLatin1String("contype")).toString() != QLatin1String("CONSTR_DEFAULT"))
            continue;
        const QJsonObject call = constraint.value(QLatin1String("raw_expr")).toObject().value(QLatin1String("FuncCall")).toObject();
        for (const QJsonValue &part : call.value(QLatin1String("funcname")).toArray()) {
            if (volatileFunctions.contains(part.toObject().value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString()))
                return true;
        }
    }
    return false;
}

bool hasConstraint(const QJsonObject &columnDef, const char *type)
{
    for (const QJsonValue &c : columnDef.value(QLatin1String("constraints")).toArray()) {
        if (c.toObject().value(QLatin1String("Constraint")).toObject().value(QLatin1String("contype")).toString() == QLatin1String(type))
            return true;
    }
    return false;
}

}  // namespace

void LockAnalyzer::add(SqlStatement *statement, const QString &relation, const QString &mode, const QString &what,
                       bool rewrites, bool scans, const QString &safer)
{
    LockEffect effect;
    effect.relation = relation;
    effect.mode = mode;
    effect.what = what;
    effect.rewrites = rewrites;
    effect.scans = scans;
    effect.newHere = m_created.contains(relation);
    QString offer = safer;
    if (offer.isEmpty() && mode == kAccessExclusive && !rewrites && !scans)
        offer = kShortLockTimeout;
    effect.saferForm = effect.newHere ? QString() : offer;
    statement->locks.append(effect);
}

void LockAnalyzer::analyze(const QJsonObject &stmt, SqlStatement *statement)
{
    const QString node = stmt.isEmpty() ? QString() : stmt.constBegin().key();
    const QJsonObject body = stmt.value(node).toObject();
    if (node == QLatin1String("CreateStmt")) {
        const QString table = relationOf(body);
        m_created.insert(table);
        // A foreign key locks the table it references.
        for (const QJsonValue &element : body.value(QLatin1String("tableElts")).toArray()) {
            const QJsonObject column = element.toObject().value(QLatin1String("ColumnDef")).toObject();
            for (const QJsonValue &c : column.value(QLatin1String("constraints")).toArray()) {
                const QJsonObject constraint = c.toObject().value(QLatin1String("Constraint")).toObject();
                if (constraint.value(QLatin1String("contype")).toString() == QLatin1String("CONSTR_FOREIGN"))
                    add(statement, relationOf(constraint, "pktable"), kShareRowExclusive,
                        QStringLiteral("foreign key from %1").arg(table));
            }
        }
    } else if (node == QLatin1String("IndexStmt")) {
        const QString table = relationOf(body);
        if (body.value(QLatin1String("concurrent")).toBool())
            add(statement, table, kShareUpdateExclusive, QStringLiteral("CREATE INDEX CONCURRENTLY"), false, true);
        else
            add(statement, table, kShare, QStringLiteral("CREATE INDEX (writes wait)"), false, true,
                QStringLiteral("CREATE INDEX CONCURRENTLY, in a migration marked -- atlas:no-transaction"));
    } else if (node == QLatin1String("DropStmt")) {
        const QString type = body.value(QLatin1String("removeType")).toString();
        if (type == QLatin1String("OBJECT_TABLE") || type == QLatin1String("OBJECT_INDEX")) {
            for (const QJsonValue &object : body.value(QLatin1String("objects")).toArray()) {
                QStringList parts;
                for (const QJsonValue &p : object.toObject().value(QLatin1String("List")).toObject().value(QLatin1String("items")).toArray())
                    parts << p.toObject().value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString();
                const bool index = type == QLatin1String("OBJECT_INDEX");
                if (body.value(QLatin1String("concurrent")).toBool())
                    add(statement, parts.join(QLatin1Char('.')), kShareUpdateExclusive, QStringLiteral("DROP INDEX CONCURRENTLY"));
                else
                    add(statement, parts.join(QLatin1Char('.')), kAccessExclusive, index ? QStringLiteral("DROP INDEX") : QStringLiteral("DROP TABLE"),
                        false, false, index ? QStringLiteral("DROP INDEX CONCURRENTLY, in a migration marked -- atlas:no-transaction") : QString());
            }
        }
    } else if (node == QLatin1String("AlterTableStmt")) {
        alterTable(body, statement);
    } else if (node == QLatin1String("CreatePolicyStmt") || node == QLatin1String("AlterPolicyStmt")) {
        add(statement, relationOf(body, "table"), kAccessExclusive, statement->kind);
    } else if (node == QLatin1String("CreateTrigStmt")) {
        add(statement, relationOf(body), kShareRowExclusive, QStringLiteral("CREATE TRIGGER"));
    } else if (node == QLatin1String("TruncateStmt")) {
        for (const QJsonValue &r : body.value(QLatin1String("relations")).toArray())
            add(statement, ParseTree::qualifiedName(r.toObject().value(QLatin1String("RangeVar")).toObject()), kAccessExclusive, QStringLiteral("TRUNCATE"));
    } else if (node == QLatin1String("UpdateStmt") || node == QLatin1String("DeleteStmt") || node == QLatin1String("InsertStmt")) {
        const bool all = node != QLatin1String("InsertStmt") && !body.contains(QLatin1String("whereClause"));
        add(statement, relationOf(body), kRowExclusive,
            all ? QStringLiteral("%1 of every row (each row stays locked until COMMIT)").arg(statement->kind) : statement->kind,
            false, all, all ? QStringLiteral("in batches (WHERE id BETWEEN ...), each its own migration or job") : QString());
    } else if (node == QLatin1String("VacuumStmt")) {
        bool full = false;
        for (const QJsonValue &option : body.value(QLatin1String("options")).toArray())
            full = full || option.toObject().value(QLatin1String("DefElem")).toObject().value(QLatin1String("defname")).toString() == QLatin1String("full");
        for (const QJsonValue &r : body.value(QLatin1String("rels")).toArray()) {
            const QString table = ParseTree::qualifiedName(r.toObject().value(QLatin1String("VacuumRelation")).toObject().value(QLatin1String("relation")).toObject());
            if (full)
                add(statement, table, kAccessExclusive, QStringLiteral("VACUUM FULL"), true, true);
            else
                add(statement, table, kShareUpdateExclusive, statement->kind, false, true);
        }
    } else if (node == QLatin1String("RenameStmt")) {
        const QString type = body.value(QLatin1String("renameType")).toString();
        if (type == QLatin1String("OBJECT_TABLE") || type == QLatin1String("OBJECT_COLUMN"))
            add(statement, relationOf(body), kAccessExclusive,
                type == QLatin1String("OBJECT_TABLE") ? QStringLiteral("RENAME TO %1").arg(body.value(QLatin1String("newname")).toString())
                                                      : QStringLiteral("RENAME COLUMN %1").arg(body.value(QLatin1String("subname")).toString()));
    } else if (node == QLatin1String("AlterObjectSchemaStmt")) {
        if (body.value(QLatin1String("objectType")).toString() == QLatin1String("OBJECT_TABLE"))
            add(statement, relationOf(body), kAccessExclusive, QStringLiteral("SET SCHEMA %1").arg(body.value(QLatin1String("newschema")).toString()));
    } else if (node == QLatin1String("ReindexStmt")) {
        bool concurrently = false;
        for (const QJsonValue &p : body.value(QLatin1String("params")).toArray())
            concurrently = concurrently || p.toObject().value(QLatin1String("DefElem")).toObject().value(QLatin1String("defname")).toString() == QLatin1String("concurrently");
        if (concurrently)
            add(statement, relationOf(body), kShareUpdateExclusive, QStringLiteral("REINDEX CONCURRENTLY"), false, true);
        else
            add(statement, relationOf(body), kShare, QStringLiteral("REINDEX (writes wait; the index is unusable meanwhile)"), true, true,
                QStringLiteral("REINDEX ... CONCURRENTLY, in a migration marked -- atlas:no-transaction"));
    } else if (node == QLatin1String("ClusterStmt")) {
        add(statement, relationOf(body), kAccessExclusive, QStringLiteral("CLUSTER"), true, true,
            QStringLiteral("pg_repack, outside a migration; or leave the order to a covering index"));
    } else if (node == QLatin1String("RefreshMatViewStmt")) {
        if (body.value(QLatin1String("concurrent")).toBool())
            add(statement, relationOf(body), kExclusive, QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY (reads go on)"), true, true);
        else
            add(statement, relationOf(body), kAccessExclusive, QStringLiteral("REFRESH MATERIALIZED VIEW (reads wait)"), true, true,
                QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view)"));
    } else if (node == QLatin1String("LockStmt")) {
        const QString mode = lockModeName(body.value(QLatin1String("mode")).toInt());
        for (const QJsonValue &r : body.value(QLatin1String("relations")).toArray())
            add(statement, ParseTree::qualifiedName(r.toObject().value(QLatin1String("RangeVar")).toObject()), mode,
                QStringLiteral("LOCK TABLE, held until COMMIT"));
    } else if (node == QLatin1String("CommentStmt")) {
        // COMMENT ON TABLE takes SHARE UPDATE EXCLUSIVE: harmless, not listed.
    }
}

void LockAnalyzer::alterTable(const QJsonObject &body, SqlStatement *statement)
{
    const QString table = relationOf(body);
    for (const QJsonValue &value : body.value(QLatin1String("cmds")).toArray()) {
        const QJsonObject cmd = value.toObject().value(QLatin1String("AlterTableCmd")).toObject();
        const QString subtype = cmd.value(QLatin1String("subtype")).toString();
        const QString name = cmd.value(QLatin1String("name")).toString();
        const QJsonObject def = cmd.value(QLatin1String("def")).toObject();
        if (subtype == QLatin1String("AT_AddColumn")) {
            const QJsonObject column = def.value(QLatin1String("ColumnDef")).toObject();
            const QString col = column.value(QLatin1String("colname")).toString();
            const bool rewrite = volatileDefault(column);
            const bool notNullNoDefault = hasConstraint(column, "CONSTR_NOTNULL") && !hasConstraint(column, "CONSTR_DEFAULT");
            add(statement, table, kAccessExclusive, QStringLiteral("ADD COLUMN %1").arg(col), rewrite, false,
                rewrite ? QStringLiteral("add %1 without the volatile default, then backfill in batches and set the default").arg(col)
                        : (notNullNoDefault ? QStringLiteral("NOT NULL without a default fails on a table with rows: add it nullable, backfill, then SET NOT NULL")
                                            : QString()));
        } else if (subtype == QLatin1String("AT_AlterColumnType")) {
            add(statement, table, kAccessExclusive, QStringLiteral("ALTER COLUMN %1 TYPE").arg(name), true, true,
                QStringLiteral("add a new column, backfill it in batches, switch over, drop the old one"));
        } else if (subtype == QLatin1String("AT_SetNotNull")) {
            add(statement, table, kAccessExclusive, QStringLiteral("SET NOT NULL on %1").arg(name), false, true,
                QStringLiteral("ADD CONSTRAINT ... CHECK (%1 IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT; then SET NOT NULL uses it without a scan").arg(name));
        } else if (subtype == QLatin1String("AT_AddConstraint")) {
            const QJsonObject constraint = def.value(QLatin1String("Constraint")).toObject();
            const QString type = constraint.value(QLatin1String("contype")).toString();
            const bool validated = !constraint.value(QLatin1String("skip_validation")).toBool();
            if (type == QLatin1String("CONSTR_FOREIGN")) {
                add(statement, table, kShareRowExclusive, QStringLiteral("ADD FOREIGN KEY"), false, validated,
                    validated ? QStringLiteral("ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE)") : QString());
                add(statement, relationOf(constraint, "pktable"), kShareRowExclusive, QStringLiteral("referenced by a new foreign key"));
            } else if (type == QLatin1String("CONSTR_CHECK")) {
                add(statement, table, kAccessExclusive, QStringLiteral("ADD CHECK"), false, validated,
                    validated ? QStringLiteral("ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE)") : QString());
            } else if (type == QLatin1String("CONSTR_PRIMARY") || type == QLatin1String("CONSTR_UNIQUE")) {
                const bool usingIndex = !constraint.value(QLatin1String("indexname")).toString().isEmpty();
                add(statement, table, kAccessExclusive, QStringLiteral("ADD %1").arg(type == QLatin1String("CONSTR_PRIMARY") ? "PRIMARY KEY" : "UNIQUE"),
                    false, !usingIndex,
                    usingIndex ? QString() : QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX"));
            } else {
                add(statement, table, kAccessExclusive, QStringLiteral("ADD CONSTRAINT"));
            }
        } else if (subtype == QLatin1String("AT_SetTableSpace") || subtype == QLatin1String("AT_SetLogged")
                   || subtype == QLatin1String("AT_SetUnLogged")) {
            add(statement, table, kAccessExclusive, subtype == QLatin1String("AT_SetTableSpace") ? QStringLiteral("SET TABLESPACE %1").arg(name)
                                                    : subtype == QLatin1String("AT_SetLogged") ? QStringLiteral("SET LOGGED") : QStringLiteral("SET UNLOGGED"),
                true, false, QStringLiteral("copies every row under the lock: pg_repack, or a new table filled in batches"));
        } else if (subtype == QLatin1String("AT_ValidateConstraint")) {
            add(statement, table, kShareUpdateExclusive, QStringLiteral("VALIDATE CONSTRAINT %1").arg(name), false, true);
        } else {
            // AT_DropConstraint -> "DROP CONSTRAINT name"
            QString what;
            for (const QChar c : subtype.mid(3)) {
                if (c.isUpper() && !what.isEmpty())
                    what += QLatin1Char(' ');
                what += c.toUpper();
            }
            add(statement, table, kAccessExclusive, name.isEmpty() ? what : what + QLatin1Char(' ') + name);
        }
    }
}
