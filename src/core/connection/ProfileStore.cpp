#include "core/connection/ProfileStore.h"

namespace ProfileStore {

QList<ConnectionProfile> load(QSettings &settings)
{
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.id = settings.value(QStringLiteral("id")).toString();
        p.name = settings.value(QStringLiteral("name")).toString();
        p.environment = environmentFromName(settings.value(QStringLiteral("environment")).toString());
        const QString source = settings.value(QStringLiteral("source")).toString();
        p.source = source == QLatin1String("uri") ? ConnectionProfile::Source::Uri
            : source == QLatin1String("supabase") ? ConnectionProfile::Source::Supabase
                                                  : ConnectionProfile::Source::Fields;
        QString ignoredPassword;
        p.uri = stripPasswordFromUri(settings.value(QStringLiteral("uri")).toString(), &ignoredPassword);
        p.host = settings.value(QStringLiteral("host"), p.host).toString();
        p.port = settings.value(QStringLiteral("port"), p.port).toInt();
        p.database = settings.value(QStringLiteral("database"), p.database).toString();
        p.user = settings.value(QStringLiteral("user"), p.user).toString();
        p.sslMode = settings.value(QStringLiteral("sslmode")).toString();
        p.sslRootCert = settings.value(QStringLiteral("sslrootcert")).toString();
        p.projectRef = settings.value(QStringLiteral("project_ref")).toString();
        p.region = settings.value(QStringLiteral("region"), p.region).toString();
        const QString mode = settings.value(QStringLiteral("supabase_mode")).toString();
        p.supabaseMode = mode == QLatin1String("direct") ? ConnectionProfile::SupabaseMode::Direct
            : mode == QLatin1String("transaction pooler") ? ConnectionProfile::SupabaseMode::TransactionPooler
                                                          : ConnectionProfile::SupabaseMode::SessionPooler;
        if (!p.id.isEmpty())
            profiles.append(p);
    }
    settings.endArray();
    return profiles;
}

void save(QSettings &settings, const QList<ConnectionProfile> &profiles)
{
    settings.remove(QStringLiteral("profiles"));
    settings.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), p.id);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("environment"), environmentName(p.environment));
        settings.setValue(QStringLiteral("source"), sourceName(p.source));
        QString droppedPassword;  // a profile never carries one to disk
        settings.setValue(QStringLiteral("uri"), stripPasswordFromUri(p.uri, &droppedPassword));
        settings.setValue(QStringLiteral("host"), p.host);
        settings.setValue(QStringLiteral("port"), p.port);
        settings.setValue(QStringLiteral("database"), p.database);
        settings.setValue(QStringLiteral("user"), p.user);
        settings.setValue(QStringLiteral("sslmode"), p.sslMode);
        settings.setValue(QStringLiteral("sslrootcert"), p.sslRootCert);
        settings.setValue(QStringLiteral("project_ref"), p.projectRef);
        settings.setValue(QStringLiteral("region"), p.region);
        settings.setValue(QStringLiteral("supabase_mode"), supabaseModeName(p.supabaseMode));
    }
    settings.endArray();
    settings.sync();
}

}  // namespace ProfileStore
