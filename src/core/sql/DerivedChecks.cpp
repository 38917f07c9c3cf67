#include "core/sql/DerivedChecks.h"

#include <QSet>

QList<DerivedCheck> deriveChecks(const SqlScript &upScript)
{
    QList<DerivedCheck> checks;
    QSet<QString> seen;
    const auto add = [&](DerivedCheck::Kind kind, const QString &name, const CreatedObject &o) {
        if (seen.contains(name))
            return;
        seen.insert(name);
        checks.append(DerivedCheck{kind, name, o.schema.isEmpty() ? QStringLiteral("public") : o.schema, o.table, o.name});
    };
    QList<CreatedObject> tables;
    for (const SqlStatement &statement : upScript.statements) {
        for (const CreatedObject &o : statement.creates) {
            const QString table = withSchema(o.schema, o.table);
            switch (o.kind) {
            case CreatedObject::Kind::Table:
                add(DerivedCheck::Kind::TableExists, QStringLiteral("table %1 exists").arg(table), o);
                tables.append(o);
                break;
            case CreatedObject::Kind::Column:
                add(DerivedCheck::Kind::ColumnExists, QStringLiteral("column %1.%2 exists").arg(table, o.name), o);
                break;
            case CreatedObject::Kind::Index:
                add(DerivedCheck::Kind::IndexExists, QStringLiteral("index %1 on %2 exists").arg(o.name, table), o);
                break;
            case CreatedObject::Kind::Policy:
                add(DerivedCheck::Kind::PolicyExists, QStringLiteral("policy \"%1\" on %2 exists").arg(o.name, table), o);
                break;
            case CreatedObject::Kind::Function:
                add(DerivedCheck::Kind::FunctionExists, QStringLiteral("function %1() exists").arg(withSchema(o.schema, o.name)), o);
                break;
            case CreatedObject::Kind::Trigger:
                add(DerivedCheck::Kind::TriggerExists, QStringLiteral("trigger %1 on %2 exists").arg(o.name, table), o);
                break;
            case CreatedObject::Kind::View:
                add(DerivedCheck::Kind::ViewExists, QStringLiteral("view %1 exists").arg(table), o);
                break;
            case CreatedObject::Kind::RowLevelSecurity:
                add(DerivedCheck::Kind::RowLevelSecurityEnabled, QStringLiteral("row level security enabled on %1").arg(table), o);
                break;
            }
        }
    }
    for (const CreatedObject &o : tables)
        add(DerivedCheck::Kind::RowsReadable,
            QStringLiteral("sample rows of %1 are readable").arg(withSchema(o.schema, o.table)), o);
    return checks;
}
