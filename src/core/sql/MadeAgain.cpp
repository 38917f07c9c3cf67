#include "core/sql/MadeAgain.h"

namespace {

using Kind = CreatedObject::Kind;

// How a created or removed object is known: "policy public.t/own", "index public.t_pkey".
QString identity(const CreatedObject &object)
{
    switch (object.kind) {
    case Kind::Table:
        return QStringLiteral("table ") + withSchema(object.schema, object.table);
    case Kind::View:
        return QStringLiteral("view ") + withSchema(object.schema, object.table);
    case Kind::Index:
        return QStringLiteral("index ") + withSchema(object.schema, object.name);
    case Kind::Function:
        return QStringLiteral("function ") + withSchema(object.schema, object.name);
    case Kind::Policy:
    case Kind::Trigger:
        return QStringLiteral("%1 %2/%3").arg(object.kind == Kind::Policy ? "policy" : "trigger", withSchema(object.schema, object.table), object.name);
    case Kind::Column:
    case Kind::RowLevelSecurity:
        break;
    }
    return QString();  // key() names them
}

// identity(), and for a column or row level security what it is on.
QString key(const CreatedObject &object)
{
    if (object.kind == Kind::Column)
        return QStringLiteral("column %1.%2").arg(withSchema(object.schema, object.table), object.name);
    if (object.kind == Kind::RowLevelSecurity)
        return QStringLiteral("rls ") + withSchema(object.schema, object.table);
    return identity(object);
}

}  // namespace

MadeAgain::MadeAgain(const QList<const SqlStatement *> &statements)
{
    QSet<QString> removed;
    QSet<QString> relations;  // tables and views taken away: what is made on them later was on them before
    for (const SqlStatement *statement : statements) {
        for (const CreatedObject &created : statement->creates) {
            const bool onRelation = created.kind != Kind::Table && created.kind != Kind::View && created.kind != Kind::Function;
            if (removed.contains(identity(created)) || (onRelation && relations.contains(withSchema(created.schema, created.table))))
                m_again.insert(key(created));
        }
        for (const CreatedObject &gone : statement->removes) {
            removed.insert(identity(gone));
            if (gone.kind == Kind::Table || gone.kind == Kind::View)
                relations.insert(withSchema(gone.schema, gone.table));
        }
    }
}

bool MadeAgain::object(const CreatedObject &object) const
{
    return m_again.contains(key(object));
}
