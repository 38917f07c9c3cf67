#include "core/schema/MigrationPhase.h"

bool MigrationPhase::usesRelation(const SchemaObject &object)
{
    for (const QString &key : object.dependsOn)
        if (key.startsWith(QLatin1String("table ")) || key.startsWith(QLatin1String("view ")) || key.startsWith(QLatin1String("column ")))
            return true;
    return false;
}

MigrationPhase::Phase MigrationPhase::createPhase(const SchemaObject &object, bool onView)
{
    const QString &kind = object.kind;
    if (kind == QLatin1String("schema"))
        return Schemas;
    if (kind == QLatin1String("extension"))
        return Extensions;
    if (kind == QLatin1String("type") || kind == QLatin1String("collation"))
        return Types;
    if (kind == QLatin1String("sequence"))
        return Sequences;
    if (kind == QLatin1String("function"))
        return usesRelation(object) ? FunctionsLate : Functions;
    if (kind == QLatin1String("constraint"))
        return object.flag("on_domain") ? DomainConstraints : object.text("type") == QLatin1String("f") ? ForeignKeys : Constraints;
    if (kind == QLatin1String("index"))
        return onView ? ViewIndexes : Indexes;  // a materialized view's, after the view
    if (kind == QLatin1String("event trigger"))
        return EventTriggers;
    if (kind == QLatin1String("trigger") || kind == QLatin1String("rule"))
        return Triggers;  // a rule may write into other tables and views
    if (kind == QLatin1String("statistics"))
        return Indexes;
    if (kind == QLatin1String("policy"))
        return Policies;
    if (kind == QLatin1String("publication"))
        return Publications;
    return Tables;
}
