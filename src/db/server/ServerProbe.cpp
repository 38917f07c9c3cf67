#include "db/server/ServerProbe.h"

#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

PgResult probeServer(PgConnection &connection, ServerInfo *info)
{
    PgResult result = connection.exec(sqlResource(QStringLiteral("server/probe")));
    if (!result.ok() || result.rowCount() != 1)
        return result;
    const auto flag = [&](const char *column) { return result.value(0, QLatin1String(column)) == QLatin1String("t"); };
    info->serverVersion = result.value(0, QStringLiteral("server_version")).section(QLatin1Char(' '), 0, 0);
    info->versionString = result.value(0, QStringLiteral("version_string"));
    info->database = result.value(0, QStringLiteral("database"));
    info->user = result.value(0, QStringLiteral("user"));
    info->host = connection.host();
    info->port = connection.port();
    info->target = classifyTarget(info->host, info->port, info->user);
    info->hasAuthSchema = flag("has_auth");
    info->isSupabaseServer = flag("is_supabase");
    info->hasPgCron = flag("has_pg_cron");
    info->readOnly = flag("read_only");
    info->hasMigrationHistory = flag("has_history");
    return result;
}
