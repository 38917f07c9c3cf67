#include "core/schema/SchemaDdl.h"

#include <QRegularExpression>

#include <QJsonArray>

namespace {

QString withoutSemicolon(QString sql)
{
    sql = sql.trimmed();
    while (sql.endsWith(QLatin1Char(';')))
        sql.chop(1);
    return sql.trimmed();
}

QString options(const SchemaObject &object)
{
    const QStringList list = object.list("options");
    return list.isEmpty() ? QString() : QStringLiteral(" WITH (%1)").arg(list.join(QStringLiteral(", ")));
}

QString typeKeyword(const SchemaObject &type)
{
    return type.text("typtype") == QLatin1String("d") ? QStringLiteral("DOMAIN") : QStringLiteral("TYPE");
}

QString functionKeyword(const SchemaObject &function)
{
    const QString kind = function.text("kind");
    return kind == QLatin1String("p") ? QStringLiteral("PROCEDURE") : kind == QLatin1String("a") ? QStringLiteral("AGGREGATE")
                                                                                                 : QStringLiteral("FUNCTION");
}

QString relationKeyword(const SchemaObject &object)
{
    if (object.kind == QLatin1String("view"))
        return object.flag("materialized") ? QStringLiteral("MATERIALIZED VIEW") : QStringLiteral("VIEW");
    if (object.kind == QLatin1String("sequence"))
        return QStringLiteral("SEQUENCE");
    return object.text("relkind") == QLatin1String("f") ? QStringLiteral("FOREIGN TABLE") : QStringLiteral("TABLE");
}

// The last dotted part of a name whose earlier parts are the parent's (quoted, so split after it).
QString ownName(const SchemaObject &object)
{
    return object.name.mid(object.parent.size() + 1);
}

QString createTable(const SchemaObject &table, const QList<const SchemaObject *> &columns)
{
    if (table.text("relkind") == QLatin1String("f"))
        return QString();  // a foreign table needs its server and options, which the model does not hold
    const QString head = QStringLiteral("CREATE %1TABLE %2").arg(table.flag("unlogged") ? QStringLiteral("UNLOGGED ") : QString(), table.name);
    QString sql;
    if (!table.text("partition_of").isEmpty()) {
        sql = QStringLiteral("%1 PARTITION OF %2 %3").arg(head, table.text("partition_of"), table.text("partition_bound"));
    } else {
        QStringList parts;
        for (const SchemaObject *column : columns)
            if (!column->flag("inherited"))
                parts.append(QStringLiteral("    ") + SchemaDdl::columnDefinition(*column));
        sql = parts.isEmpty() ? head + QStringLiteral(" ()") : QStringLiteral("%1 (\n%2\n)").arg(head, parts.join(QStringLiteral(",\n")));
        if (!table.text("inherits").isEmpty())
            sql += QStringLiteral(" INHERITS (%1)").arg(table.text("inherits"));
    }
    if (!table.text("partition_by").isEmpty())
        sql += QStringLiteral(" PARTITION BY ") + table.text("partition_by");
    return sql + options(table) + QLatin1Char(';');
}

QString createType(const SchemaObject &type)
{
    const QString typtype = type.text("typtype");
    if (typtype == QLatin1String("e"))
        return QStringLiteral("CREATE TYPE %1 AS ENUM (%2);").arg(type.name, type.list("labels").join(QStringLiteral(", ")));
    if (typtype == QLatin1String("d")) {
        QString sql = QStringLiteral("CREATE DOMAIN %1 AS %2").arg(type.name, type.text("base"));
        if (!type.text("default").isEmpty())
            sql += QStringLiteral(" DEFAULT ") + type.text("default");
        if (type.flag("not_null"))
            sql += QStringLiteral(" NOT NULL");
        return sql + QLatin1Char(';');
    }
    if (typtype == QLatin1String("c"))
        return QStringLiteral("CREATE TYPE %1 AS (%2);").arg(type.name, type.text("attributes"));
    if (typtype == QLatin1String("r"))
        return QStringLiteral("CREATE TYPE %1 AS RANGE (SUBTYPE = %2);").arg(type.name, type.text("subtype"));
    return QString();  // a base type needs C functions: not generated
}

QString createPolicy(const SchemaObject &policy)
{
    QString sql = QStringLiteral("CREATE POLICY %1 ON %2 AS %3 FOR %4 TO %5")
                      .arg(policy.text("policy"), policy.parent,
                           policy.flag("permissive") ? QStringLiteral("PERMISSIVE") : QStringLiteral("RESTRICTIVE"),
                           policy.text("command"), policy.text("roles"));
    if (!policy.text("using").isEmpty())
        sql += QStringLiteral("\n    USING (%1)").arg(policy.text("using"));
    if (!policy.text("check").isEmpty())
        sql += QStringLiteral("\n    WITH CHECK (%1)").arg(policy.text("check"));
    return sql + QLatin1Char(';');
}

QString createSequence(const SchemaObject &sequence)
{
    return QStringLiteral("CREATE SEQUENCE %1 AS %2 INCREMENT BY %3 MINVALUE %4 MAXVALUE %5 START WITH %6 CACHE %7%8;")
        .arg(sequence.name, sequence.text("type"), sequence.text("increment"), sequence.text("min"), sequence.text("max"),
             sequence.text("start"), sequence.text("cache"), sequence.flag("cycle") ? QStringLiteral(" CYCLE") : QStringLiteral(" NO CYCLE"));
}

QString createPublication(const SchemaObject &publication)
{
    QString sql = QStringLiteral("CREATE PUBLICATION ") + publication.name;
    if (publication.flag("all_tables"))
        sql += QStringLiteral(" FOR ALL TABLES");
    else if (const QString objects = SchemaDdl::publicationObjects(publication); !objects.isEmpty())
        sql += QStringLiteral(" FOR ") + objects;
    return sql + QStringLiteral(" WITH (publish = %1);").arg(SchemaDdl::literal(publication.text("publish")));
}

}  // namespace

QString SchemaDdl::publicationObjects(const SchemaObject &publication)
{
    QStringList objects;
    if (!publication.list("tables").isEmpty())
        objects.append(QStringLiteral("TABLE ") + publication.list("tables").join(QStringLiteral(", ")));
    for (const QString &schema : publication.list("schemas"))
        objects.append(QStringLiteral("TABLES IN SCHEMA ") + schema);
    return objects.join(QStringLiteral(", "));
}

QString SchemaDdl::publishedTable(const QString &entry)
{
    // The name ends at the first space outside double quotes: "public.t (a, b) WHERE (...)".
    bool quoted = false;
    for (int i = 0; i < entry.size(); ++i) {
        if (entry.at(i) == QLatin1Char('"'))
            quoted = !quoted;
        else if (entry.at(i) == QLatin1Char(' ') && !quoted)
            return entry.left(i);
    }
    return entry;
}

QString SchemaDdl::literal(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

QString SchemaDdl::setDefault(const SchemaObject &column)
{
    return QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;").arg(column.parent, column.text("column"), column.text("default"));
}

QString SchemaDdl::sequenceOwner(const QString &sequence, const QString &column)
{
    return QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(sequence, column.isEmpty() ? QStringLiteral("NONE") : column);
}

QString SchemaDdl::castType(const QString &type)
{
    static const QRegularExpression length(QStringLiteral("^(character varying|character|bit varying|bit)\\(\\d+\\)(.*)$"));
    const QRegularExpressionMatch match = length.match(type);
    if (!match.hasMatch())
        return type;
    const QString base = match.captured(1);
    const QString unlimited = base == QLatin1String("character") ? QStringLiteral("bpchar") : base == QLatin1String("bit") ? QStringLiteral("bit varying") : base;
    return unlimited + match.captured(2);
}

QString SchemaDdl::setSettings(const SchemaObject &column, const QStringList &settings)
{
    QStringList clauses;
    for (const QString &setting : settings.isEmpty() ? column.list("settings") : settings)
        clauses.append(QStringLiteral("ALTER COLUMN %1 SET %2").arg(column.text("column"), setting));
    return clauses.isEmpty() ? QString() : QStringLiteral("ALTER TABLE %1 %2;").arg(column.parent, clauses.join(QStringLiteral(", ")));
}

QString SchemaDdl::identityClause(const SchemaObject &column)
{
    QString clause = column.text("identity") == QLatin1String("a") ? QStringLiteral("GENERATED ALWAYS AS IDENTITY")
                                                                    : QStringLiteral("GENERATED BY DEFAULT AS IDENTITY");
    const QStringList options = column.list("identity_options");
    if (!options.isEmpty())
        clause += QStringLiteral(" (%1)").arg(options.join(QLatin1Char(' ')));
    return clause;
}

QString SchemaDdl::columnDefinition(const SchemaObject &column)
{
    QString sql = column.text("column") + QLatin1Char(' ') + column.text("type");
    if (!column.text("collation").isEmpty())
        sql += QStringLiteral(" COLLATE ") + column.text("collation");
    if (!column.text("generated").isEmpty())
        sql += QStringLiteral(" GENERATED ALWAYS AS (%1) STORED").arg(column.text("generated"));
    const QString identity = column.text("identity");
    if (!identity.isEmpty())
        sql += QLatin1Char(' ') + identityClause(column);
    if (!column.text("default").isEmpty())
        sql += QStringLiteral(" DEFAULT ") + column.text("default");
    if (column.flag("not_null"))
        sql += QStringLiteral(" NOT NULL");
    return sql;
}

QString SchemaDdl::create(const SchemaObject &object, const QList<const SchemaObject *> &columns)
{
    const QString &kind = object.kind;
    if (kind == QLatin1String("schema"))
        return QStringLiteral("CREATE SCHEMA %1;").arg(object.name);
    if (kind == QLatin1String("extension"))
        return QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2 VERSION %3;")
            .arg(object.name, object.text("in_schema"), literal(object.text("version")));
    if (kind == QLatin1String("table"))
        return createTable(object, columns);
    if (kind == QLatin1String("column"))
        return QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;").arg(object.parent, columnDefinition(object));
    if (kind == QLatin1String("constraint"))
        return QStringLiteral("ALTER %1 %2 ADD CONSTRAINT %3 %4;")
            .arg(object.flag("on_domain") ? QStringLiteral("DOMAIN") : QStringLiteral("TABLE"), object.parent, object.text("constraint"),
                 object.text("definition"));
    if (kind == QLatin1String("index") || kind == QLatin1String("trigger"))
        return object.text("definition") + QLatin1Char(';');
    if (kind == QLatin1String("view"))
        return QStringLiteral("CREATE %1 %2%3 AS\n%4%5;")
            .arg(relationKeyword(object), object.name, options(object), withoutSemicolon(object.text("query")),
                 !object.flag("materialized") ? QString()
                 : object.attrs.value(QLatin1String("populated")).toBool(true) ? QStringLiteral("\nWITH DATA")
                                                                                : QStringLiteral("\nWITH NO DATA"));
    if (kind == QLatin1String("rule"))
        return object.text("definition");  // pg_get_ruledef's, with its semicolon
    if (kind == QLatin1String("statistics") || kind == QLatin1String("event trigger") || kind == QLatin1String("collation"))
        return withoutSemicolon(object.text("definition")) + QLatin1Char(';');
    if (kind == QLatin1String("sequence"))
        return createSequence(object);
    if (kind == QLatin1String("function"))
        return object.text("definition").isEmpty() ? QString() : withoutSemicolon(object.text("definition")) + QLatin1Char(';');
    if (kind == QLatin1String("type"))
        return createType(object);
    if (kind == QLatin1String("policy"))
        return createPolicy(object);
    if (kind == QLatin1String("publication"))
        return createPublication(object);
    return QString();
}

QString SchemaDdl::drop(const SchemaObject &object)
{
    const QString &kind = object.kind;
    if (kind == QLatin1String("schema"))
        return QStringLiteral("DROP SCHEMA %1;").arg(object.name);
    if (kind == QLatin1String("extension"))
        return QStringLiteral("DROP EXTENSION %1;").arg(object.name);
    if (kind == QLatin1String("table") || kind == QLatin1String("view") || kind == QLatin1String("sequence"))
        return QStringLiteral("DROP %1 %2;").arg(relationKeyword(object), object.name);
    if (kind == QLatin1String("column"))
        return QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(object.parent, object.text("column"));
    if (kind == QLatin1String("constraint"))
        return QStringLiteral("ALTER %1 %2 DROP CONSTRAINT %3;")
            .arg(object.flag("on_domain") ? QStringLiteral("DOMAIN") : QStringLiteral("TABLE"), object.parent, object.text("constraint"));
    if (kind == QLatin1String("index"))
        return QStringLiteral("DROP INDEX %1;").arg(object.name);
    if (kind == QLatin1String("trigger"))
        return QStringLiteral("DROP TRIGGER %1 ON %2;").arg(object.text("trigger"), object.parent);
    if (kind == QLatin1String("rule"))
        return QStringLiteral("DROP RULE %1 ON %2;").arg(object.text("rule"), object.parent);
    if (kind == QLatin1String("statistics"))
        return QStringLiteral("DROP STATISTICS %1;").arg(object.name);
    if (kind == QLatin1String("event trigger"))
        return QStringLiteral("DROP EVENT TRIGGER %1;").arg(object.name);
    if (kind == QLatin1String("collation"))
        return QStringLiteral("DROP COLLATION %1;").arg(object.name);
    if (kind == QLatin1String("policy"))
        return QStringLiteral("DROP POLICY %1 ON %2;").arg(object.text("policy"), object.parent);
    if (kind == QLatin1String("function"))
        return QStringLiteral("DROP %1 %2;").arg(functionKeyword(object), object.name);
    if (kind == QLatin1String("type"))
        return QStringLiteral("DROP %1 %2;").arg(typeKeyword(object), object.name);
    if (kind == QLatin1String("publication"))
        return QStringLiteral("DROP PUBLICATION %1;").arg(object.name);
    return QString();
}

QString SchemaDdl::objectReference(const SchemaModel &model, const QString &key)
{
    const SchemaObject *object = model.find(key);
    if (!object)
        return QString();
    const QString &kind = object->kind;
    if (kind == QLatin1String("schema"))
        return QStringLiteral("SCHEMA ") + object->name;
    if (kind == QLatin1String("table") || kind == QLatin1String("view") || kind == QLatin1String("sequence"))
        return relationKeyword(*object) + QLatin1Char(' ') + object->name;
    if (kind == QLatin1String("column"))
        return QStringLiteral("COLUMN ") + object->name;
    if (kind == QLatin1String("function"))
        return functionKeyword(*object) + QLatin1Char(' ') + object->name;
    if (kind == QLatin1String("type"))
        return typeKeyword(*object) + QLatin1Char(' ') + object->name;
    if (kind == QLatin1String("index"))
        return QStringLiteral("INDEX ") + object->name;
    if (kind == QLatin1String("constraint"))
        return QStringLiteral("CONSTRAINT %1 ON %2%3")
            .arg(object->text("constraint"), object->flag("on_domain") ? QStringLiteral("DOMAIN ") : QString(), object->parent);
    if (kind == QLatin1String("policy") || kind == QLatin1String("trigger"))
        return QStringLiteral("%1 %2 ON %3").arg(kind.toUpper(), ownName(*object), object->parent);
    if (kind == QLatin1String("rule"))
        return QStringLiteral("RULE %1 ON %2").arg(object->text("rule"), object->parent);
    if (kind == QLatin1String("statistics") || kind == QLatin1String("event trigger") || kind == QLatin1String("collation"))
        return kind.toUpper() + QLatin1Char(' ') + object->name;
    return QString();
}

QString SchemaDdl::comment(const QString &reference, const QString &text)
{
    return QStringLiteral("COMMENT ON %1 IS %2;").arg(reference, text.isEmpty() ? QStringLiteral("NULL") : literal(text));
}

QString SchemaDdl::alterOwner(const SchemaObject &object, const QString &owner)
{
    QString reference;
    if (object.kind == QLatin1String("schema"))
        reference = QStringLiteral("SCHEMA ") + object.name;
    else if (object.kind == QLatin1String("function"))
        reference = functionKeyword(object) + QLatin1Char(' ') + object.name;
    else if (object.kind == QLatin1String("type"))
        reference = typeKeyword(object) + QLatin1Char(' ') + object.name;
    else
        reference = relationKeyword(object) + QLatin1Char(' ') + object.name;
    return QStringLiteral("ALTER %1 OWNER TO %2;").arg(reference, owner);
}

QStringList SchemaDdl::afterCreate(const SchemaObject &object)
{
    QStringList sql;
    if (object.kind == QLatin1String("table")) {
        if (object.flag("rls"))
            sql.append(QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY;").arg(object.name));
        if (object.flag("force_rls"))
            sql.append(QStringLiteral("ALTER TABLE %1 FORCE ROW LEVEL SECURITY;").arg(object.name));
        const QString identity = object.text("replica_identity");
        if (identity == QLatin1String("f") || identity == QLatin1String("n"))
            sql.append(QStringLiteral("ALTER TABLE %1 REPLICA IDENTITY %2;")
                           .arg(object.name, identity == QLatin1String("f") ? QStringLiteral("FULL") : QStringLiteral("NOTHING")));
    } else if (object.kind == QLatin1String("trigger") || object.kind == QLatin1String("rule")
               || object.kind == QLatin1String("event trigger")) {
        // Fired as pg_trigger.tgenabled, pg_rewrite.ev_enabled and evtenabled say: O is the default.
        const QString enabled = object.text("enabled");
        const QString state = enabled == QLatin1String("D") ? QStringLiteral("DISABLE")
            : enabled == QLatin1String("R")                 ? QStringLiteral("ENABLE REPLICA")
            : enabled == QLatin1String("A")                 ? QStringLiteral("ENABLE ALWAYS")
                                                            : QString();
        if (state.isEmpty())
            return sql;
        if (object.kind == QLatin1String("event trigger"))
            sql.append(QStringLiteral("ALTER EVENT TRIGGER %1 %2;").arg(object.name, state));
        else if (object.kind == QLatin1String("trigger"))
            sql.append(QStringLiteral("ALTER TABLE %1 %2 TRIGGER %3;").arg(object.parent, state, object.text("trigger")));
        else
            sql.append(QStringLiteral("ALTER TABLE %1 %2 RULE %3;").arg(object.parent, state, object.text("rule")));
    } else if (object.kind == QLatin1String("statistics") && object.attrs.value(QLatin1String("target")).toInt(-1) >= 0) {
        sql.append(QStringLiteral("ALTER STATISTICS %1 SET STATISTICS %2;").arg(object.name).arg(object.attrs.value(QLatin1String("target")).toInt()));
    }
    return sql;
}
