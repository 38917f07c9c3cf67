#include "core/schema/SchemaAlter.h"

#include "core/schema/SchemaDdl.h"

#include <QSet>

#include <algorithm>

namespace {

bool differs(const SchemaObject &before, const SchemaObject &after, const char *attr)
{
    return before.attrs.value(QLatin1String(attr)) != after.attrs.value(QLatin1String(attr));
}

QStringList alterColumn(const SchemaObject &before, const SchemaObject &after)
{
    QStringList sql;
    const QString head = QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 ").arg(after.parent, after.text("column"));
    const QString identityBefore = before.text("identity");
    const QString identityAfter = after.text("identity");
    if (!identityBefore.isEmpty() && identityAfter.isEmpty())
        sql.append(head + QStringLiteral("DROP IDENTITY;"));
    if (SchemaAlter::retypes(before, after)) {
        QString type = after.text("type");
        if (!after.text("collation").isEmpty())
            type += QStringLiteral(" COLLATE ") + after.text("collation");
        sql.append(head + QStringLiteral("TYPE %1 USING %2::%3;").arg(type, after.text("column"), after.text("type")));
    }
    if (before.flag("not_null") != after.flag("not_null"))
        sql.append(head + (after.flag("not_null") ? QStringLiteral("SET NOT NULL;") : QStringLiteral("DROP NOT NULL;")));
    if (identityBefore.isEmpty() && !identityAfter.isEmpty())
        sql.append(head + QStringLiteral("ADD GENERATED %1 AS IDENTITY;")
                              .arg(identityAfter == QLatin1String("a") ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT")));
    else if (!identityBefore.isEmpty() && !identityAfter.isEmpty() && identityBefore != identityAfter)
        sql.append(head + QStringLiteral("SET GENERATED %1;")
                              .arg(identityAfter == QLatin1String("a") ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT")));
    return sql;
}

QStringList alterTable(const SchemaObject &before, const SchemaObject &after)
{
    QStringList sql;
    const QString head = QStringLiteral("ALTER TABLE %1 ").arg(after.name);
    if (before.flag("unlogged") != after.flag("unlogged"))
        sql.append(head + (after.flag("unlogged") ? QStringLiteral("SET UNLOGGED;") : QStringLiteral("SET LOGGED;")));
    if (differs(before, after, "options")) {
        QStringList reset;
        for (const QString &option : before.list("options"))
            reset.append(option.section(QLatin1Char('='), 0, 0));
        if (!reset.isEmpty())
            sql.append(head + QStringLiteral("RESET (%1);").arg(reset.join(QStringLiteral(", "))));
        if (!after.list("options").isEmpty())
            sql.append(head + QStringLiteral("SET (%1);").arg(after.list("options").join(QStringLiteral(", "))));
    }
    if (before.flag("rls") != after.flag("rls"))
        sql.append(head + (after.flag("rls") ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE")) + QStringLiteral(" ROW LEVEL SECURITY;"));
    if (before.flag("force_rls") != after.flag("force_rls"))
        sql.append(head + (after.flag("force_rls") ? QStringLiteral("FORCE") : QStringLiteral("NO FORCE")) + QStringLiteral(" ROW LEVEL SECURITY;"));
    if (differs(before, after, "replica_identity")) {
        const QString identity = after.text("replica_identity");
        sql.append(head + QStringLiteral("REPLICA IDENTITY %1;")
                              .arg(identity == QLatin1String("f") ? QStringLiteral("FULL")
                                   : identity == QLatin1String("n") ? QStringLiteral("NOTHING") : QStringLiteral("DEFAULT")));
    }
    return sql;
}

QStringList alterSequence(const SchemaObject &before, const SchemaObject &after)
{
    // Only what changes: the sequence's current value must stay within its bounds, and a clause
    // left out cannot trip over it.
    QStringList clauses;
    if (differs(before, after, "type"))
        clauses.append(QStringLiteral("AS ") + after.text("type"));
    const std::pair<const char *, const char *> settings[] = {
        {"increment", "INCREMENT BY"}, {"min", "MINVALUE"}, {"max", "MAXVALUE"}, {"start", "START WITH"}, {"cache", "CACHE"}};
    for (const auto &[attr, clause] : settings)
        if (differs(before, after, attr))
            clauses.append(QStringLiteral("%1 %2").arg(QLatin1String(clause), after.text(attr)));
    if (differs(before, after, "cycle"))
        clauses.append(after.flag("cycle") ? QStringLiteral("CYCLE") : QStringLiteral("NO CYCLE"));
    if (clauses.isEmpty())
        return {};
    return {QStringLiteral("ALTER SEQUENCE %1 %2;").arg(after.name, clauses.join(QLatin1Char(' ')))};
}

QStringList alterType(const SchemaObject &before, const SchemaObject &after, QStringList *warnings)
{
    QStringList sql;
    if (after.text("typtype") == QLatin1String("e")) {
        const QStringList had = before.list("labels");
        const QStringList wants = after.list("labels");
        // The old values must keep their order within the new ones: PostgreSQL can add an enum
        // value, never remove or move one.
        int next = 0;
        for (const QString &label : had) {
            next = int(wants.indexOf(label, next));
            if (next < 0) {
                warnings->append(QStringLiteral("enum %1 loses or reorders values (%2 to %3): PostgreSQL cannot remove an enum value; "
                                                "create a new type, move the columns to it and drop the old one by hand")
                                     .arg(after.name, had.join(QStringLiteral(", ")), wants.join(QStringLiteral(", "))));
                return {};
            }
        }
        for (int i = 0; i < wants.size(); ++i) {
            if (had.contains(wants.at(i)))
                continue;
            if (i > 0) {
                sql.append(QStringLiteral("ALTER TYPE %1 ADD VALUE %2 AFTER %3;").arg(after.name, wants.at(i), wants.at(i - 1)));
                continue;
            }
            // The first value goes before the first value the type already has (with none, it is the
            // only value, added plainly).
            const auto first = std::find_if(wants.cbegin(), wants.cend(), [&had](const QString &label) { return had.contains(label); });
            sql.append(first == wants.cend() ? QStringLiteral("ALTER TYPE %1 ADD VALUE %2;").arg(after.name, wants.at(0))
                                             : QStringLiteral("ALTER TYPE %1 ADD VALUE %2 BEFORE %3;").arg(after.name, wants.at(0), *first));
        }
        return sql;
    }
    if (after.text("typtype") == QLatin1String("d")) {
        const QString head = QStringLiteral("ALTER DOMAIN %1 ").arg(after.name);
        if (differs(before, after, "default"))
            sql.append(after.text("default").isEmpty() ? head + QStringLiteral("DROP DEFAULT;")
                                                       : head + QStringLiteral("SET DEFAULT %1;").arg(after.text("default")));
        if (before.flag("not_null") != after.flag("not_null"))
            sql.append(head + (after.flag("not_null") ? QStringLiteral("SET NOT NULL;") : QStringLiteral("DROP NOT NULL;")));
    }
    return sql;
}

QStringList alterExtension(const SchemaObject &before, const SchemaObject &after)
{
    QStringList sql;
    if (differs(before, after, "in_schema"))
        sql.append(QStringLiteral("ALTER EXTENSION %1 SET SCHEMA %2;").arg(after.name, after.text("in_schema")));
    if (differs(before, after, "version"))
        sql.append(QStringLiteral("ALTER EXTENSION %1 UPDATE TO %2;").arg(after.name, SchemaDdl::literal(after.text("version"))));
    return sql;
}

QStringList alterPublication(const SchemaObject &before, const SchemaObject &after)
{
    QStringList sql;
    if (differs(before, after, "publish"))
        sql.append(QStringLiteral("ALTER PUBLICATION %1 SET (publish = %2);").arg(after.name, SchemaDdl::literal(after.text("publish"))));
    // A different list is set whole (row filters and column lists with it); an empty one is the
    // removals alone (publicationTablesRemoved, run before tables go).
    if ((differs(before, after, "tables") || differs(before, after, "schemas")) && !SchemaDdl::publicationObjects(after).isEmpty())
        sql.append(QStringLiteral("ALTER PUBLICATION %1 SET %2;").arg(after.name, SchemaDdl::publicationObjects(after)));
    return sql;
}

}  // namespace

bool SchemaAlter::needsRecreate(const SchemaObject &before, const SchemaObject &after)
{
    const QString &kind = after.kind;
    if (kind == QLatin1String("table"))
        return differs(before, after, "relkind") || differs(before, after, "partition_by") || differs(before, after, "partition_of")
            || differs(before, after, "partition_bound") || differs(before, after, "inherits");
    if (kind == QLatin1String("column"))
        return differs(before, after, "generated");
    if (kind == QLatin1String("function"))
        return differs(before, after, "kind") || differs(before, after, "result") || differs(before, after, "arguments");
    // The owner is in the definition but changes in place (ALTER ... OWNER, after everything).
    if (kind == QLatin1String("type"))
        return differs(before, after, "typtype") || differs(before, after, "base") || differs(before, after, "attributes")
            || differs(before, after, "subtype");
    if (kind == QLatin1String("view"))
        return differs(before, after, "query") || differs(before, after, "materialized") || differs(before, after, "options");
    if (kind == QLatin1String("publication"))
        return differs(before, after, "all_tables");
    return kind == QLatin1String("policy") || kind == QLatin1String("trigger")
        || kind == QLatin1String("index") || kind == QLatin1String("constraint");
}

bool SchemaAlter::retypes(const SchemaObject &before, const SchemaObject &after)
{
    return after.kind == QLatin1String("column") && (differs(before, after, "type") || differs(before, after, "collation"));
}

bool SchemaAlter::defaultChanges(const SchemaObject &before, const SchemaObject &after)
{
    return after.kind == QLatin1String("column") && (differs(before, after, "default") || (retypes(before, after) && !before.text("default").isEmpty()));
}

QStringList SchemaAlter::alter(const SchemaObject &before, const SchemaObject &after, QStringList *warnings)
{
    const QString &kind = after.kind;
    if (kind == QLatin1String("column")) {
        if (before.text("identity").isEmpty() && !after.text("identity").isEmpty()
            && before.text("default").contains(QLatin1String("nextval(")))
            warnings->append(QStringLiteral("%1 becomes an identity column: its new sequence starts at 1, below the values the old "
                                            "one gave; after the migration, ALTER TABLE %2 ALTER COLUMN %3 RESTART WITH a value "
                                            "above the column's maximum")
                                 .arg(after.name, after.parent, after.text("column")));
        return alterColumn(before, after);
    }
    if (kind == QLatin1String("table"))
        return alterTable(before, after);
    if (kind == QLatin1String("sequence"))
        return alterSequence(before, after);
    if (kind == QLatin1String("type"))
        return alterType(before, after, warnings);
    if (kind == QLatin1String("extension"))
        return alterExtension(before, after);
    if (kind == QLatin1String("publication"))
        return alterPublication(before, after);
    if (kind == QLatin1String("function") && differs(before, after, "definition"))
        return {SchemaDdl::create(after)};  // CREATE OR REPLACE (an owner alone changes later)
    return {};
}

QStringList SchemaAlter::publicationTablesRemoved(const SchemaObject &before, const SchemaObject &after)
{
    if (!SchemaDdl::publicationObjects(after).isEmpty())
        return {};  // set whole by alter()
    QStringList removed;
    for (const QString &entry : before.list("tables"))
        removed.append(SchemaDdl::publishedTable(entry));
    return removed;
}
