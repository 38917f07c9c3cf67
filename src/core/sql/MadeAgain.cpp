#include "core/sql/MadeAgain.h"

namespace {

using Kind = CreatedObject::Kind;

// How a created or removed object is known: "policy public.t/own", "index public.t_pkey".
QString identity(const CreatedObject &object)
{
    switch (object.kind) {
    case Kind::Table:
        return QStringLiteral("table ") + qualifiedTableName(object.schema, object.table);
    case Kind::View:
        return QStringLiteral("view ") + qualifiedTableName(object.schema, object.table);
    case Kind::Index:
        return QStringLiteral("index ") + qualifiedTableName(object.schema, object.name);
    case Kind::Function:
        return QStringLiteral("function ") + qualifiedTableName(object.schema, object.name);
    case Kind::Policy:
    case Kind::Trigger:
        return QStringLiteral("%1 %2/%3").arg(object.kind == Kind::Policy ? "policy" : "trigger", qualifiedTableName(object.schema, object.table), object.name);
    case Kind::Column:
    case Kind::RowLevelSecurity:
        break;
    }
    return QString();
}

}  // namespace

QString qualifiedTableName(const QString &schema, const QString &table)
{
    return (schema.isEmpty() ? QStringLiteral("public") : schema) + QLatin1Char('.') + table;
}

MadeAgain::MadeAgain(const QList<const SqlStatement *> &statements)
{
    QSet<QString> removed;
    for (const SqlStatement *statement : statements) {
        for (const CreatedObject &created : statement->creates)
            if (const QString key = identity(created); !key.isEmpty() && removed.contains(key))
                m_again.insert(key);
        for (const CreatedObject &gone : statement->removes)
            removed.insert(identity(gone));
    }
}

bool MadeAgain::table(const QString &schema, const QString &table) const
{
    return m_again.contains(QStringLiteral("table ") + qualifiedTableName(schema, table));
}

bool MadeAgain::object(const CreatedObject &object) const
{
    if (object.kind != Kind::Function && object.kind != Kind::View && table(object.schema, object.table))
        return true;
    const QString key = identity(object);
    return !key.isEmpty() && m_again.contains(key);
}
