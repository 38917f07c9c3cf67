#include "core/connection/ConnectionProfile.h"

#include "core/connection/ConnectionTarget.h"

#include <QRegularExpression>
#include <QUrl>

QString quoteConninfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString stripPasswordFromUri(const QString &uri, QString *password)
{
    static const QRegularExpression withPassword(QStringLiteral("^(postgres(?:ql)?://[^:/@?#]*):([^/?#]*)@(.*)$"),
                                                 QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = withPassword.match(uri.trimmed());
    if (!m.hasMatch()) {
        password->clear();
        return uri.trimmed();
    }
    *password = QUrl::fromPercentEncoding(m.captured(2).toUtf8());
    return m.captured(1) + QLatin1Char('@') + m.captured(3);
}

QString ConnectionProfile::effectiveHost() const
{
    if (source == Source::Supabase) {
        return supabaseMode == SupabaseMode::Direct ? QStringLiteral("db.%1.supabase.co").arg(projectRef)
                                                    : QStringLiteral("aws-0-%1.pooler.supabase.com").arg(region);
    }
    if (source == Source::Uri)
        return QUrl(uri).host();
    return host;
}

int ConnectionProfile::effectivePort() const
{
    if (source == Source::Supabase)
        return supabaseMode == SupabaseMode::TransactionPooler ? 6543 : 5432;
    if (source == Source::Uri)
        return QUrl(uri).port(5432);
    return port;
}

QString ConnectionProfile::effectiveUser() const
{
    if (source == Source::Supabase)
        return supabaseMode == SupabaseMode::Direct ? QStringLiteral("postgres") : QStringLiteral("postgres.") + projectRef;
    if (source == Source::Uri)
        return QUrl(uri).userName();
    return user;
}

QString ConnectionProfile::effectiveDatabase() const
{
    if (source == Source::Supabase)
        return QStringLiteral("postgres");
    if (source == Source::Uri)
        return QUrl(uri).path().mid(1);
    return database;
}

QString ConnectionProfile::effectiveSslMode() const
{
    if (!sslMode.isEmpty())
        return sslMode;
    return classifyTarget(effectiveHost(), effectivePort()).kind == TargetKind::Local ? QString() : QStringLiteral("require");
}

namespace {

// A URI profile's connection string: the URI itself, what we add as parameters of its query.
// libpq expands a connection string once (PgConnection passes it as dbname), so a URI inside
// key=value pairs would be taken for a database's name.
QString uriConninfo(const QString &uri, const QString &sslMode, const QString &sslRootCert, const QString &password)
{
    QStringList query;
    const auto add = [&query](const char *key, const QString &value) {
        query << QLatin1String(key) + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    if (!sslMode.isEmpty() && !uri.contains(QLatin1String("sslmode=")))
        add("sslmode", sslMode);
    if (!sslRootCert.isEmpty())
        add("sslrootcert", sslRootCert);
    if (!password.isEmpty())
        add("password", password);
    const QString base = uri.trimmed();
    if (query.isEmpty())
        return base;
    return base + (base.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + query.join(QLatin1Char('&'));
}

}  // namespace

QString ConnectionProfile::conninfo(const QString &password) const
{
    if (source == Source::Uri)
        return uriConninfo(uri, effectiveSslMode(), sslRootCert, password);
    QStringList parts{QStringLiteral("host=") + quoteConninfoValue(effectiveHost()), QStringLiteral("port=%1").arg(effectivePort()),
                      QStringLiteral("dbname=") + quoteConninfoValue(effectiveDatabase()),
                      QStringLiteral("user=") + quoteConninfoValue(effectiveUser())};
    const QString ssl = effectiveSslMode();
    if (!ssl.isEmpty())
        parts << QStringLiteral("sslmode=") + ssl;
    if (!sslRootCert.isEmpty())
        parts << QStringLiteral("sslrootcert=") + quoteConninfoValue(sslRootCert);
    if (!password.isEmpty())
        parts << QStringLiteral("password=") + quoteConninfoValue(password);
    return parts.join(QLatin1Char(' '));
}

QString ConnectionProfile::describe() const
{
    const ConnectionTarget target = classifyTarget(effectiveHost(), effectivePort(), effectiveUser());
    return environmentName(environment) + QStringLiteral(" · ") + target.describe();
}

QStringList ConnectionProfile::problems() const
{
    QStringList out;
    if (name.trimmed().isEmpty())
        out << QStringLiteral("the profile needs a name");
    switch (source) {
    case Source::Uri: {
        const QString u = uri.trimmed();
        if (!u.startsWith(QLatin1String("postgresql://")) && !u.startsWith(QLatin1String("postgres://")))
            out << QStringLiteral("the URI must start with postgresql:// (or postgres://)");
        else if (!QUrl(u).isValid())
            out << QStringLiteral("the URI is not valid: %1").arg(QUrl(u).errorString());
        break;
    }
    case Source::Fields:
        if (port < 1 || port > 65535)
            out << QStringLiteral("the port must be between 1 and 65535");
        if (user.trimmed().isEmpty())
            out << QStringLiteral("the user is empty");
        if (database.trimmed().isEmpty())
            out << QStringLiteral("the database is empty");
        break;
    case Source::Supabase: {
        static const QRegularExpression ref(QStringLiteral("^[a-z0-9]{6,40}$"));
        if (!ref.match(projectRef).hasMatch())
            out << QStringLiteral("the project ref is the lower-case id in the project's URL "
                                  "(supabase.com/dashboard/project/<ref>)");
        static const QRegularExpression regionPattern(QStringLiteral("^[a-z]{2}-[a-z]+-\\d$"));
        if (supabaseMode != SupabaseMode::Direct && !regionPattern.match(region).hasMatch())
            out << QStringLiteral("the region looks like eu-central-1");
        break;
    }
    }
    static const QStringList modes{QString(), "disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
    if (!modes.contains(sslMode))
        out << QStringLiteral("sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full");
    if ((sslMode == QLatin1String("verify-ca") || sslMode == QLatin1String("verify-full")) && sslRootCert.isEmpty())
        out << QStringLiteral("%1 needs the CA file (sslrootcert)").arg(sslMode);
    return out;
}

QString sourceName(ConnectionProfile::Source source)
{
    switch (source) {
    case ConnectionProfile::Source::Uri: return QStringLiteral("uri");
    case ConnectionProfile::Source::Fields: return QStringLiteral("fields");
    case ConnectionProfile::Source::Supabase: return QStringLiteral("supabase");
    }
    return QString();
}

QString supabaseModeName(ConnectionProfile::SupabaseMode mode)
{
    switch (mode) {
    case ConnectionProfile::SupabaseMode::Direct: return QStringLiteral("direct");
    case ConnectionProfile::SupabaseMode::SessionPooler: return QStringLiteral("session pooler");
    case ConnectionProfile::SupabaseMode::TransactionPooler: return QStringLiteral("transaction pooler");
    }
    return QString();
}
