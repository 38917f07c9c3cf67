#include "core/sql/ObjectReferences.h"

#include "core/sql/DoBlockObjects.h"
#include "core/sql/ParseTree.h"

#include <QSet>

using namespace ParseTree;

namespace {

using Kind = ObjectReference::Kind;

// Schemas that every PostgreSQL has: naming them needs nothing.
bool isSystemSchema(const QString &name)
{
    return name == QLatin1String("pg_catalog") || name == QLatin1String("information_schema") || name == QLatin1String("pg_toast")
        || name == QLatin1String("pg_temp");
}

class Collector {
public:
    void add(Kind kind, const QString &name, bool creates = false)
    {
        if (name.isEmpty() || (kind == Kind::Schema && isSystemSchema(name)))
            return;
        const ObjectReference reference{kind, name, creates};
        if (!m_out.contains(reference))
            m_out.append(reference);
    }
    // A qualified name list (["auth", "uid"]): its schema, when it has one.
    void qualified(const QJsonArray &nameList)
    {
        const QStringList parts = names(nameList);
        if (parts.size() >= 2)
            add(Kind::Schema, parts.at(parts.size() - 2));
    }
    void add(const ObjectReference &reference) { add(reference.kind, reference.name, reference.creates); }
    void walk(const QJsonValue &value);
    QList<ObjectReference> take() { return std::move(m_out); }

private:
    QList<ObjectReference> m_out;
};

// The JSON tree names a node's type only where a field can hold several types; a RangeVar,
// RoleSpec or TypeName in a field of its own comes bare. So nodes are known by their fields.
void Collector::walk(const QJsonValue &value)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            walk(item);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject node = value.toObject();
    if (node.contains(QLatin1String("relname")))                       // RangeVar
        add(Kind::Schema, text(node, "schemaname"));
    if (text(node, "roletype") == QLatin1String("ROLESPEC_CSTRING"))   // RoleSpec
        add(Kind::Role, text(node, "rolename"));
    for (const char *key : {"funcname", "names", "objname"})           // FuncCall, TypeName, ObjectWithArgs
        qualified(list(node, key));
    for (auto it = node.begin(); it != node.end(); ++it)
        walk(it.value());
}

}  // namespace

QList<ObjectReference> collectReferences(const QString &nodeType, const QJsonObject &body)
{
    Collector c;
    // DROP ... IF EXISTS needs nothing: PostgreSQL skips what is not there, schema included.
    if ((nodeType == QLatin1String("DropStmt") || nodeType == QLatin1String("DropRoleStmt")) && flag(body, "missing_ok"))
        return {};
    // What the statement makes, first: a statement that makes a schema may also name it.
    if (nodeType == QLatin1String("CreateSchemaStmt")) {
        c.add(Kind::Schema, text(body, "schemaname"), true);
    } else if (nodeType == QLatin1String("CreateRoleStmt")) {
        c.add(Kind::Role, text(body, "role"), true);
    } else if (nodeType == QLatin1String("CreateExtensionStmt")) {
        c.add(Kind::Extension, text(body, "extname"), true);
        for (const QJsonValue &option : list(body, "options")) {
            const QJsonObject def = child(option.toObject(), "DefElem");
            if (text(def, "defname") == QLatin1String("schema"))
                c.add(Kind::Schema, text(child(child(def, "arg"), "String"), "sval"));
        }
    } else if (nodeType == QLatin1String("DoStmt")) {
        for (const ObjectReference &made : objectsMadeInDoBlock(body))
            c.add(made);
    } else if (nodeType == QLatin1String("CreatePublicationStmt")) {
        c.add(Kind::Publication, text(body, "pubname"), true);
    } else if (nodeType == QLatin1String("AlterPublicationStmt")) {
        c.add(Kind::Publication, text(body, "pubname"));
    } else if (nodeType == QLatin1String("GrantRoleStmt")) {
        // GRANT anon TO x: the granted roles are written as privileges.
        for (const QJsonValue &granted : list(body, "granted_roles"))
            c.add(Kind::Role, text(child(granted.toObject(), "AccessPriv"), "priv_name"));
    } else if (nodeType == QLatin1String("GrantStmt") && text(body, "objtype") == QLatin1String("OBJECT_SCHEMA")) {
        for (const QJsonValue &object : list(body, "objects"))
            c.add(Kind::Schema, text(child(object.toObject(), "String"), "sval"));
    } else if (nodeType == QLatin1String("AlterDefaultPrivilegesStmt")) {
        for (const QJsonValue &option : list(body, "options")) {
            const QJsonObject def = child(option.toObject(), "DefElem");
            if (text(def, "defname") == QLatin1String("schemas")) {
                for (const QJsonValue &schema : list(child(child(def, "arg"), "List"), "items"))
                    c.add(Kind::Schema, text(child(schema.toObject(), "String"), "sval"));
            }
        }
    }
    c.walk(body);
    return c.take();
}

QString referenceKindName(ObjectReference::Kind kind)
{
    switch (kind) {
    case Kind::Schema: return QStringLiteral("schema");
    case Kind::Role: return QStringLiteral("role");
    case Kind::Extension: return QStringLiteral("extension");
    case Kind::Publication: return QStringLiteral("publication");
    }
    return QString();
}
