#include "db/server/ServerProbe.h"

#include "db/pg/PgConnection.h"

PgResult probeServer(PgConnection &connection, ServerInfo *info)
{
    // One round trip; read-only, so it works on a standby and behind a transaction pooler.
    PgResult result = connection.exec(QStringLiteral(
        "SELECT current_setting('server_version') AS server_version, version() AS version_string, "
        "current_database() AS database, current_user AS \"user\", "
        "to_regprocedure('auth.uid()') IS NOT NULL AS has_auth, "
        "EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_admin') AS is_supabase, "
        "EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_cron') AS has_pg_cron, "
        "(current_setting('default_transaction_read_only') = 'on' OR pg_is_in_recovery()) AS read_only, "
        "to_regclass('supabase_migrations.schema_migrations') IS NOT NULL AS has_history"));
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
