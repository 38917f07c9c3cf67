#include "core/schema/SchemaSource.h"

#include "core/connection/Redaction.h"

SchemaSource SchemaSource::parse(const QString &text, QString *error)
{
    SchemaSource source;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("profile:"))) {
        source.kind = Kind::Profile;
        source.value = trimmed.mid(8).trimmed();
    } else if (trimmed.startsWith(QLatin1String("folder:"))) {
        source.kind = Kind::Folder;
        source.value = trimmed.mid(7).trimmed();
    } else {
        source.value = trimmed;
    }
    if (source.value.isEmpty())
        *error = source.kind == Kind::Profile ? QStringLiteral("\"profile:\" needs a profile's name, as in profile:staging")
            : source.kind == Kind::Folder     ? QStringLiteral("\"folder:\" needs a path, as in folder:supabase/migrations")
                                              : QStringLiteral("a source is a connection string or URI, profile:NAME or folder:PATH");
    return source;
}

QString SchemaSource::describe() const
{
    switch (kind) {
    case Kind::Profile:
        return QStringLiteral("profile ") + value;
    case Kind::Folder:
        return QStringLiteral("folder ") + value;
    case Kind::Connection:
        break;
    }
    return redactConnectionString(value);
}
