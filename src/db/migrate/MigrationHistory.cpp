#include "db/migrate/MigrationHistory.h"

#include "core/sql/SupabaseSplitter.h"
#include "core/text/PgTextArray.h"
#include "db/pg/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// A full transaction id (xid8: epoch and xid) as a row's xmin shows it: the low 32 bits.
QString asXmin(const QString &fullTransactionId)
{
    return QString::number(fullTransactionId.toULongLong() & 0xffffffffULL);
}

}  // namespace

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
        "AND attname = 'name' AND NOT attisdropped) AS has_name, "
        "EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass('atlas_console.migration_audit') "
        "AND attname = 'transaction_id' AND NOT attisdropped) AS has_transaction_id"));
    if (!exists.ok())
        return exists;
    const bool hasHistory = exists.value(0, 0) == QLatin1String("t");
    const bool hasAudit = exists.value(0, 1) == QLatin1String("t");
    const bool hasStatements = exists.value(0, 2) == QLatin1String("t");
    const bool hasTransactionId = exists.value(0, 4) == QLatin1String("t");

    // The transaction (as xmin shows it: 32 bits) of each version's last successful apply.
    QHash<QString, QString> applyTransactions;
    if (hasAudit) {
        // One row per version: its newest attempt (up or down) and its newest successful up. The
        // second is looked up only when the first is not it (the usual case): one sort, not two.
        const QString transaction = hasTransactionId ? QStringLiteral("%1.transaction_id, %1.statements_digest")
                                                     : QStringLiteral("NULL::text, NULL::text /* %1 */");
        const QString columns = hasTransactionId ? QStringLiteral(", transaction_id, statements_digest") : QString();
        PgResult rows = connection.exec(QStringLiteral(
            "SELECT a.version, a.direction, a.outcome, a.checksum, (date_part('epoch', a.finished_at) * 1000)::bigint, "
            "a.actor, a.error, a.direction = 'up' AND a.outcome = 'succeeded', "
            "u.checksum, (date_part('epoch', u.finished_at) * 1000)::bigint, u.actor, a.failed_statement, %1, %2 "
            "FROM (SELECT DISTINCT ON (version) version, direction, outcome, checksum, finished_at, actor, error, "
            "      failed_statement%3 FROM atlas_console.migration_audit WHERE direction IN ('up', 'down', 'repair') "
            "      ORDER BY version, id DESC) AS a "
            "LEFT JOIN LATERAL (SELECT checksum, finished_at, actor%3 FROM atlas_console.migration_audit AS x "
            "      WHERE NOT (a.direction = 'up' AND a.outcome = 'succeeded') AND x.version = a.version "
            "      AND x.direction = 'up' AND x.outcome = 'succeeded' ORDER BY x.id DESC LIMIT 1) AS u ON true")
                                            .arg(transaction.arg(QStringLiteral("a")), transaction.arg(QStringLiteral("u")), columns));
        if (!rows.ok())
            return rows;
        for (int r = 0; r < rows.rowCount(); ++r) {
            AuditEntry attempt;
            attempt.version = rows.value(r, 0);
            attempt.direction = rows.value(r, 1);
            attempt.outcome = rows.value(r, 2);
            attempt.checksum = rows.value(r, 3).toLatin1();
            attempt.finishedAt = QDateTime::fromMSecsSinceEpoch(rows.value(r, 4).toLongLong(), Qt::UTC);
            attempt.actor = rows.value(r, 5);
            attempt.error = rows.value(r, 6);
            attempt.failedStatement = rows.isNull(r, 11) ? -1 : rows.value(r, 11).toInt();
            VersionAudit &facts = (*audit)[attempt.version];
            if (rows.value(r, 7) == QLatin1String("t")) {
                attempt.statementsDigest = rows.value(r, 13).toLatin1();
                facts.lastApply = attempt;  // the newest attempt is the newest successful up
                if (!rows.isNull(r, 12) && !rows.isNull(r, 13))
                    applyTransactions.insert(attempt.version, asXmin(rows.value(r, 12)));
            } else if (!rows.isNull(r, 8) || !rows.isNull(r, 9)) {
                AuditEntry apply;
                apply.version = attempt.version;
                apply.direction = QStringLiteral("up");
                apply.outcome = QStringLiteral("succeeded");
                apply.checksum = rows.value(r, 8).toLatin1();
                apply.finishedAt = QDateTime::fromMSecsSinceEpoch(rows.value(r, 9).toLongLong(), Qt::UTC);
                apply.actor = rows.value(r, 10);
                apply.statementsDigest = rows.value(r, 15).toLatin1();
                facts.lastApply = apply;
                if (!rows.isNull(r, 14) && !rows.isNull(r, 15))
                    applyTransactions.insert(attempt.version, asXmin(rows.value(r, 14)));
            }
            facts.lastAttempt = attempt;
        }
    }

    if (hasHistory) {
        // Old CLI versions created the table without these columns; read what is there. The
        // digest is left out for rows written by one of the transactions of our applies.
        const QString name = exists.value(0, 3) == QLatin1String("t") ? QStringLiteral("name") : QStringLiteral("NULL::text");
        const QString digest = hasStatements
            ? QStringLiteral("CASE WHEN xmin::text = ANY ($1::text[]) THEN NULL ELSE md5(array_to_string(statements, chr(31))) END")
            : QStringLiteral("NULL::text");
        const QString sql = QStringLiteral("SELECT version, %1, xmin::text, %2 FROM supabase_migrations.schema_migrations").arg(name, digest);
        // Without the statements column the query has no parameter, and one sent would be refused.
        PgResult rows = hasStatements ? connection.execParams(sql, {toPgTextArray(applyTransactions.values())})
                                      : connection.exec(sql);
        if (!rows.ok())
            return rows;
        QStringList unmatched;  // no digest, yet not written by this version's own apply
        for (int r = 0; r < rows.rowCount(); ++r) {
            HistoryEntry entry;
            entry.version = rows.value(r, 0);
            entry.name = rows.value(r, 1);
            entry.digest = rows.value(r, 3).toLatin1();
            if (hasStatements && rows.isNull(r, 3)) {
                entry.writtenByLastApply = applyTransactions.value(entry.version) == rows.value(r, 2);
                if (!entry.writtenByLastApply)
                    unmatched << entry.version;
            }
            history->append(entry);
        }
        if (!unmatched.isEmpty()) {
            PgResult digests = connection.execParams(
                QStringLiteral("SELECT version, md5(array_to_string(statements, chr(31))) FROM supabase_migrations.schema_migrations "
                               "WHERE version = ANY ($1::text[])"),
                {toPgTextArray(unmatched)});
            if (!digests.ok())
                return digests;
            QHash<QString, QByteArray> byVersion;
            for (int r = 0; r < digests.rowCount(); ++r)
                byVersion.insert(digests.value(r, 0), digests.value(r, 1).toLatin1());
            for (HistoryEntry &entry : *history) {
                if (byVersion.contains(entry.version))
                    entry.digest = byVersion.value(entry.version);
            }
        }
    }
    return exists;
}

PgResult readStatements(PgConnection &connection, const QStringList &versions, QHash<QString, QStringList> *statements)
{
    PgResult rows = connection.execParams(
        QStringLiteral("SELECT version, array_to_json(statements)::text FROM supabase_migrations.schema_migrations "
                       "WHERE version = ANY ($1::text[])"),
        {toPgTextArray(versions)});
    if (!rows.ok())
        return rows;
    for (int r = 0; r < rows.rowCount(); ++r) {
        QStringList list;
        for (const QJsonValue &v : QJsonDocument::fromJson(rows.value(r, 1).toUtf8()).array())
            list << v.toString();
        statements->insert(rows.value(r, 0), list);
    }
    return rows;
}

PgResult lastAttempt(PgConnection &connection, const QString &version, AuditEntry *attempt)
{
    const PgResult result = connection.execParams(
        QStringLiteral("SELECT direction, outcome, coalesce(failed_statement, -1), coalesce(error, ''), coalesce(checksum, '') "
                       "FROM atlas_console.migration_audit WHERE version = $1 AND direction IN ('up', 'down', 'repair') "
                       "ORDER BY id DESC LIMIT 1"),
        {version});
    *attempt = AuditEntry();
    attempt->version = version;
    if (result.ok() && result.rowCount() == 1) {
        attempt->direction = result.value(0, 0);
        attempt->outcome = result.value(0, 1);
        attempt->failedStatement = result.value(0, 2).toInt();
        attempt->error = result.value(0, 3);
        attempt->checksum = result.value(0, 4).toLatin1();
    }
    return result;
}

PgResult tablesReady(PgConnection &connection, bool *ready)
{
    const PgResult result = connection.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('atlas_console.migration_audit') "
        " AND attname IN ('note', 'transaction_id', 'statements_digest') AND NOT attisdropped) = 3 AND "
        "(SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('supabase_migrations.schema_migrations') "
        " AND attname IN ('version', 'name', 'statements') AND NOT attisdropped) = 3"));
    *ready = result.ok() && result.value(0, 0) == QLatin1String("t");
    return result;
}

PgResult isRecorded(PgConnection &connection, const QString &version, bool *recorded)
{
    const PgResult result = connection.execParams(
        QStringLiteral("SELECT EXISTS (SELECT FROM supabase_migrations.schema_migrations WHERE version = $1)"), {version});
    *recorded = result.ok() && result.value(0, 0) == QLatin1String("t");
    return result;
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
        "CREATE INDEX IF NOT EXISTS migration_audit_version_idx ON atlas_console.migration_audit (version, id DESC);"
        // Added after the first release: why a repair was made; the transaction that wrote the
        // row (for a successful apply, the one that wrote the history row) and the digest of the
        // statements it recorded, so that a status recognises its own rows without hashing them.
        // (Older rows keep NULL: the default is set after the column is added.)
        "ALTER TABLE atlas_console.migration_audit ADD COLUMN IF NOT EXISTS note text,"
        " ADD COLUMN IF NOT EXISTS transaction_id xid8, ADD COLUMN IF NOT EXISTS statements_digest text;"
        "ALTER TABLE atlas_console.migration_audit ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id();"));
    return result;
}

PgResult recordApplied(PgConnection &connection, const MigrationFile &migration)
{
    return connection.execParams(
        QStringLiteral("INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3)"),
        {migration.version, migration.name, toPgTextArray(splitLikeSupabaseCli(migration.up.sql))});
}

PgResult recordRepairedApplied(PgConnection &connection, const MigrationFile &migration)
{
    return connection.execParams(
        QStringLiteral("INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3) "
                       "ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, statements = EXCLUDED.statements"),
        {migration.version, migration.name, toPgTextArray(splitLikeSupabaseCli(migration.up.sql))});
}

PgResult recordReverted(PgConnection &connection, const QString &version)
{
    return connection.execParams(
        QStringLiteral("DELETE FROM supabase_migrations.schema_migrations WHERE version = $1 RETURNING coalesce(name, '')"),
        {version});
}

PgResult recordAudit(PgConnection &connection, const AuditRecord &record)
{
    return connection.execParams(
        QStringLiteral("INSERT INTO atlas_console.migration_audit (version, name, direction, outcome, checksum, actor, "
                       "started_at, duration_ms, statements_run, failed_statement, error, note, statements_digest) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"),
        {record.version, record.name.isNull() ? QStringLiteral("") : record.name, record.direction, record.outcome,
         record.checksum.isEmpty() ? QString() : QString::fromLatin1(record.checksum), record.actor,
         record.startedAt.toUTC().toString(Qt::ISODateWithMs), QString::number(record.durationMs),
         QString::number(record.statementsRun),
         record.failedStatement < 0 ? QString() : QString::number(record.failedStatement),
         record.error.isEmpty() ? QString() : record.error, record.note.isEmpty() ? QString() : record.note,
         record.statementsDigest.isEmpty() ? QString() : QString::fromLatin1(record.statementsDigest)});
}

qint64 startJournal(PgConnection &connection, const MigrationFile &migration, const QString &actor,
                    const QDateTime &startedAt, int fromStatement)
{
    const PgResult result = connection.execParams(
        QStringLiteral("INSERT INTO atlas_console.migration_audit (version, name, direction, outcome, checksum, actor, "
                       "started_at, duration_ms, failed_statement, error) "
                       "VALUES ($1, $2, 'up', 'failed', $3, $4, $5, 0, $6, 'interrupted before its outcome was recorded "
                       "(the connection or the console ended, or it is still running)') RETURNING id"),
        {migration.version, migration.name, QString::fromLatin1(migration.up.sha256()), actor,
         startedAt.toUTC().toString(Qt::ISODateWithMs), QString::number(fromStatement)});
    return result.ok() ? result.value(0, 0).toLongLong() : -1;
}

void moveJournal(PgConnection &connection, qint64 id, int nextStatement)
{
    connection.execParams(QStringLiteral("UPDATE atlas_console.migration_audit SET failed_statement = $2, "
                                         "duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint, "
                                         "finished_at = clock_timestamp() WHERE id = $1"),
                          {QString::number(id), QString::number(nextStatement)});
}

void dropJournal(PgConnection &connection, qint64 id)
{
    connection.execParams(QStringLiteral("DELETE FROM atlas_console.migration_audit WHERE id = $1"), {QString::number(id)});
}

}  // namespace MigrationHistory
