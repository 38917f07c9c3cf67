#include "db/MigrationHistory.h"

#include "core/CliStatementSplitter.h"
#include "core/PgTextArray.h"
#include "db/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace MigrationHistory {

PgResult read(PgConnection &connection, QList<HistoryEntry> *history, QHash<QString, VersionAudit> *audit)
{
    history->clear();
    audit->clear();
    PgResult exists = connection.exec(QStringLiteral(
        "SELECT to_regclass('supabase_migrations.schema_migrations') IS NOT NULL AS has_history, "
        "to_regclass('atlas_console.migration_audit') IS NOT NULL AS has_audit, "
        "EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass('supabase_migrations.schema_migrations') "
        "AND attname = 'statements' AND NOT attisdropped) AS has_statements, "
        "EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass('supabase_migrations.schema_migrations') "
        "AND attname = 'name' AND NOT attisdropped) AS has_name"));
    if (!exists.ok())
        return exists;
    const bool hasHistory = exists.value(0, 0) == QLatin1String("t");
    const bool hasAudit = exists.value(0, 1) == QLatin1String("t");

    if (hasHistory) {
        // Old CLI versions created the table without these columns; read what is there.
        const QString statements = exists.value(0, 2) == QLatin1String("t")
            ? QStringLiteral("array_to_json(statements)::text") : QStringLiteral("NULL::text");
        const QString name = exists.value(0, 3) == QLatin1String("t") ? QStringLiteral("name") : QStringLiteral("NULL::text");
        PgResult rows = connection.exec(QStringLiteral("SELECT version, %1, %2 FROM supabase_migrations.schema_migrations")
                                            .arg(name, statements));
        if (!rows.ok())
            return rows;
        for (int r = 0; r < rows.rowCount(); ++r) {
            HistoryEntry entry;
            entry.version = rows.value(r, 0);
            entry.name = rows.value(r, 1);
            if (!rows.isNull(r, 2)) {
                QStringList list;
                for (const QJsonValue &v : QJsonDocument::fromJson(rows.value(r, 2).toUtf8()).array())
                    list << v.toString();
                entry.statements = list;
            }
            history->append(entry);
        }
    }

    if (hasAudit) {
        // The newest attempt (up or down) and the newest successful up of every version.
        PgResult rows = connection.exec(QStringLiteral(
            "(SELECT DISTINCT ON (version) 'attempt' AS fact, version, direction, outcome, checksum, "
            "(extract(epoch FROM finished_at) * 1000)::bigint, "
            "actor, error FROM atlas_console.migration_audit WHERE direction IN ('up', 'down') "
            "ORDER BY version, id DESC) "
            "UNION ALL "
            "(SELECT DISTINCT ON (version) 'apply', version, direction, outcome, checksum, "
            "(extract(epoch FROM finished_at) * 1000)::bigint, actor, error "
            "FROM atlas_console.migration_audit WHERE direction = 'up' AND outcome = 'succeeded' "
            "ORDER BY version, id DESC)"));
        if (!rows.ok())
            return rows;
        for (int r = 0; r < rows.rowCount(); ++r) {
            AuditEntry entry;
            entry.version = rows.value(r, 1);
            entry.direction = rows.value(r, 2);
            entry.outcome = rows.value(r, 3);
            entry.checksum = rows.value(r, 4).toUtf8();
            entry.finishedAt = QDateTime::fromMSecsSinceEpoch(rows.value(r, 5).toLongLong(), Qt::UTC);
            entry.actor = rows.value(r, 6);
            entry.error = rows.value(r, 7);
            VersionAudit &facts = (*audit)[entry.version];
            if (rows.value(r, 0) == QLatin1String("attempt"))
                facts.lastAttempt = entry;
            else
                facts.lastApply = entry;
        }
    }
    return exists;
}

PgResult ensureTables(PgConnection &connection)
{
    // The Supabase CLI's own statements, in its order, so that both tools create the same table.
    PgResult result = connection.exec(QStringLiteral(
        "SET LOCAL lock_timeout = '4s';"
        "CREATE SCHEMA IF NOT EXISTS supabase_migrations;"
        "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);"
        "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];"
        "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;"
        // The console's audit lives in its own schema, which Supabase's API does not expose.
        "CREATE SCHEMA IF NOT EXISTS atlas_console;"
        "REVOKE ALL ON SCHEMA atlas_console FROM PUBLIC;"
        "CREATE TABLE IF NOT EXISTS atlas_console.migration_audit ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " version text NOT NULL,"
        " name text NOT NULL,"
        " direction text NOT NULL CHECK (direction IN ('up', 'down', 'verify', 'repair')),"
        " outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'cancelled')),"
        " checksum text,"
        " actor text NOT NULL,"
        " database_user text NOT NULL DEFAULT current_user,"
        " application text DEFAULT current_setting('application_name'),"
        " started_at timestamptz NOT NULL,"
        " finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
        " duration_ms bigint NOT NULL,"
        " statements_run integer NOT NULL DEFAULT 0,"
        " failed_statement integer,"
        " error text);"
        "CREATE INDEX IF NOT EXISTS migration_audit_version_idx ON atlas_console.migration_audit (version, id DESC);"));
    return result;
}

PgResult recordApplied(PgConnection &connection, const MigrationFile &migration)
{
    return connection.execParams(
        QStringLiteral("INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3)"),
        {migration.version, migration.name, toPgTextArray(splitLikeSupabaseCli(migration.up.sql))});
}

PgResult recordReverted(PgConnection &connection, const QString &version)
{
    return connection.execParams(QStringLiteral("DELETE FROM supabase_migrations.schema_migrations WHERE version = $1"),
                                 {version});
}

PgResult recordAudit(PgConnection &connection, const AuditRecord &record)
{
    return connection.execParams(
        QStringLiteral("INSERT INTO atlas_console.migration_audit (version, name, direction, outcome, checksum, actor, "
                       "started_at, duration_ms, statements_run, failed_statement, error) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"),
        {record.version, record.name, record.direction, record.outcome,
         record.checksum.isEmpty() ? QString() : QString::fromLatin1(record.checksum), record.actor,
         record.startedAt.toUTC().toString(Qt::ISODateWithMs), QString::number(record.durationMs),
         QString::number(record.statementsRun),
         record.failedStatement < 0 ? QString() : QString::number(record.failedStatement),
         record.error.isEmpty() ? QString() : record.error});
}

}  // namespace MigrationHistory
