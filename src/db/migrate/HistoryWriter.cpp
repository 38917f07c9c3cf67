#include "db/migrate/HistoryWriter.h"

#include "core/text/PgTextArray.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

namespace HistoryWriter {

namespace {

// QString() goes as SQL NULL.
QString orNull(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}

}  // namespace

PgResult createTables(PgConnection &connection)
{
    return connection.exec(sqlResource(QStringLiteral("history/create_tables")));
}

PgResult recordApplied(PgConnection &connection, const MigrationFile &migration)
{
    return connection.execParams(sqlResource(QStringLiteral("history/insert_applied")),
                                 {migration.version, migration.name, toPgTextArray(migration.up.cliStatements())});
}

PgResult recordRepairedApplied(PgConnection &connection, const MigrationFile &migration)
{
    return connection.execParams(sqlResource(QStringLiteral("history/upsert_repaired")),
                                 {migration.version, migration.name, toPgTextArray(migration.up.cliStatements())});
}

PgResult recordReverted(PgConnection &connection, const QString &version)
{
    return connection.execParams(sqlResource(QStringLiteral("history/delete_version")), {version});
}

PgResult recordAttempt(PgConnection &connection, const AuditRow &a)
{
    return connection.execParams(
        sqlResource(QStringLiteral("history/insert_attempt")),
        {a.version, a.name.isNull() ? QStringLiteral("") : a.name, directionName(a.direction), outcomeName(a.outcome),
         orNull(QString::fromLatin1(a.checksum)), a.actor, a.startedAt.toUTC().toString(Qt::ISODateWithMs),
         QString::number(a.durationMs), QString::number(a.statementsRun),
         a.failedStatement < 0 ? QString() : QString::number(a.failedStatement), orNull(a.error), orNull(a.note),
         orNull(QString::fromLatin1(a.statementsDigest))});
}

qint64 startJournal(PgConnection &connection, const MigrationFile &migration, const QString &actor,
                    const QDateTime &startedAt, int fromStatement)
{
    const PgResult result = connection.execParams(
        sqlResource(QStringLiteral("history/journal_start")),
        {migration.version, migration.name, QString::fromLatin1(migration.up.sha256()), actor,
         startedAt.toUTC().toString(Qt::ISODateWithMs), QString::number(fromStatement)});
    return result.ok() ? result.value(0, 0).toLongLong() : -1;
}

void moveJournal(PgConnection &connection, qint64 id, int nextStatement)
{
    connection.execParams(sqlResource(QStringLiteral("history/journal_move")), {QString::number(id), QString::number(nextStatement)});
}

void dropJournal(PgConnection &connection, qint64 id)
{
    connection.execParams(sqlResource(QStringLiteral("history/journal_drop")), {QString::number(id)});
}

}  // namespace HistoryWriter
