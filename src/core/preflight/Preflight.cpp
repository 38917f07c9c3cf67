#include "core/preflight/Preflight.h"

#include "core/sql/SqlScript.h"

#include <QHash>
#include <QSet>

namespace {

using Kind = ObjectReference::Kind;

// Schemas an extension makes for itself when it is created.
const QHash<QString, QStringList> &schemasOfExtensions()
{
    static const QHash<QString, QStringList> schemas = {
        {QStringLiteral("pg_cron"), {QStringLiteral("cron")}},
        {QStringLiteral("pg_net"), {QStringLiteral("net")}},
        {QStringLiteral("pgmq"), {QStringLiteral("pgmq")}},
        {QStringLiteral("supabase_vault"), {QStringLiteral("vault")}},
        {QStringLiteral("pg_graphql"), {QStringLiteral("graphql")}},
        {QStringLiteral("pgsodium"), {QStringLiteral("pgsodium"), QStringLiteral("pgsodium_masks")}},
        {QStringLiteral("pg_tle"), {QStringLiteral("pgtle")}},
        {QStringLiteral("postgis_topology"), {QStringLiteral("topology")}},
        {QStringLiteral("postgis_tiger_geocoder"), {QStringLiteral("tiger"), QStringLiteral("tiger_data")}},
        {QStringLiteral("pg_repack"), {QStringLiteral("repack")}},
    };
    return schemas;
}

// What every Supabase project has, which a plain PostgreSQL lacks.
bool supabaseHas(Kind kind, const QString &name)
{
    static const QSet<QString> schemas = {"auth", "storage", "realtime", "extensions", "graphql_public", "supabase_functions",
                                          "supabase_migrations", "pgbouncer"};
    static const QSet<QString> roles = {"anon", "authenticated", "service_role", "authenticator", "supabase_admin",
                                        "supabase_auth_admin", "supabase_storage_admin", "supabase_realtime_admin",
                                        "dashboard_user", "pgbouncer", "supabase_replication_admin", "supabase_read_only_user"};
    return (kind == Kind::Schema && schemas.contains(name)) || (kind == Kind::Role && roles.contains(name))
        || (kind == Kind::Publication && name == QLatin1String("supabase_realtime"));
}

// The extension that makes `schema` when it is created ("pg_net" for net), if one does.
QString extensionMaking(const QString &schema)
{
    const QHash<QString, QStringList> &made = schemasOfExtensions();
    for (auto it = made.begin(); it != made.end(); ++it) {
        if (it.value().contains(schema))
            return it.key();
    }
    return QString();
}

QString key(Kind kind, const QString &name)
{
    return referenceKindName(kind) + QLatin1Char(' ') + name;
}

}  // namespace

bool supabaseOffers(const QString &extension)
{
    // Supabase's supautils allow-list and its images' extensions (contrib included), late 2026.
    static const QSet<QString> offered = {
        "address_standardizer", "address_standardizer_data_us", "amcheck", "autoinc", "bloom", "btree_gin", "btree_gist",
        "citext", "cube", "dblink", "dict_int", "dict_xsyn", "earthdistance", "file_fdw", "fuzzystrmatch", "hstore",
        "http", "hypopg", "index_advisor", "insert_username", "intarray", "isn", "lo", "ltree", "moddatetime", "orioledb",
        "pageinspect", "pg_buffercache", "pg_cron", "pg_freespacemap", "pg_graphql", "pg_hashids", "pg_jsonschema",
        "pg_net", "pg_prewarm", "pg_repack", "pg_stat_monitor", "pg_stat_statements", "pg_surgery", "pg_tle", "pg_trgm",
        "pg_visibility", "pg_walinspect", "pgaudit", "pgcrypto", "pgjwt", "pgmq", "pgroonga", "pgroonga_database",
        "pgrouting", "pgrowlocks", "pgsodium", "pgstattuple", "pgtap", "plcoffee", "plls", "plpgsql", "plpgsql_check",
        "plv8", "postgis", "postgis_raster", "postgis_sfcgal", "postgis_tiger_geocoder", "postgis_topology",
        "postgres_fdw", "refint", "rum", "seg", "sslinfo", "supabase_vault", "supautils", "tablefunc", "tcn",
        "timescaledb", "tsm_system_rows", "tsm_system_time", "unaccent", "uuid-ossp", "vector", "wrappers",
    };
    return offered.contains(extension);
}

QList<Requirement> requirementsOf(const QList<const MigrationScript *> &scripts)
{
    QList<Requirement> needs;
    QSet<QString> made;   // by an earlier statement of this run
    QSet<QString> noted;  // needed already, at an earlier place
    for (const MigrationScript *script : scripts) {
        for (const SqlStatement &statement : script->parsed().statements) {
            const QString where = QStringLiteral("%1:%2").arg(script->fileName()).arg(statement.line);
            for (const ObjectReference &reference : statement.references) {
                const QString id = key(reference.kind, reference.name);
                if (reference.creates && reference.kind != Kind::Extension) {
                    made.insert(id);
                    continue;
                }
                if (reference.kind == Kind::Extension) {
                    // The server must offer it; once made, so are the schemas it makes.
                    for (const QString &schema : schemasOfExtensions().value(reference.name))
                        made.insert(key(Kind::Schema, schema));
                }
                if (made.contains(id) || noted.contains(id))
                    continue;
                noted.insert(id);
                needs.append({reference.kind, reference.name, where});
            }
        }
    }
    return needs;
}

QStringList describeMissing(const QList<Requirement> &missing)
{
    QStringList lines;
    for (const Requirement &r : missing) {
        switch (r.kind) {
        case Kind::Extension:
            lines << QStringLiteral("needs extension %1 (%2), which this server does not offer%3")
                         .arg(r.name, r.where,
                              supabaseOffers(r.name) ? QStringLiteral(" (Supabase does)") : QStringLiteral(" (nor does Supabase)"));
            break;
        case Kind::Schema:
        case Kind::Publication: {
            QString why;
            if (supabaseHas(r.kind, r.name))
                why = QStringLiteral(" (a Supabase project has it)");
            else if (const QString extension = extensionMaking(r.name); r.kind == Kind::Schema && !extension.isEmpty())
                why = QStringLiteral(" (extension %1 makes it)").arg(extension);
            lines << QStringLiteral("needs %1 %2 (%3), which this database does not have%4")
                         .arg(referenceKindName(r.kind), r.name, r.where, why);
            break;
        }
        case Kind::Role:
            lines << QStringLiteral("needs role %1 (%2), which this server does not have%3")
                         .arg(r.name, r.where, supabaseHas(r.kind, r.name) ? QStringLiteral(" (a Supabase project has it)") : QString());
            break;
        }
    }
    return lines;
}
