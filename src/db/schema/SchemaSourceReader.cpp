#include "db/schema/SchemaSourceReader.h"

#include "core/catalog/MigrationCatalog.h"
#include "core/connection/ConnectionProblem.h"
#include "core/connection/Redaction.h"
#include "db/SqlResource.h"
#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"
#include "db/schema/SchemaReader.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QMutexLocker>

SchemaSourceReader::SchemaSourceReader(QString shadowServer)
    : m_shadowServer(std::move(shadowServer))
{
}

void SchemaSourceReader::setActive(PgConnection *connection)
{
    QMutexLocker lock(&m_activeMutex);
    m_active = connection;
}

void SchemaSourceReader::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_activeMutex);
    if (m_active)
        m_active->cancel();
}

SchemaRead SchemaSourceReader::read(const SchemaSource &source, const QString &conninfo, const SchemaScope &scope)
{
    SchemaRead read;
    if (source.kind == SchemaSource::Kind::Folder)
        read = buildFolder(source.value, scope);
    else {
        PgConnection connection;
        read = readDatabase(connection, conninfo, QString(), scope);
    }
    read.model.source = source.describe();
    return read;
}

SchemaRead SchemaSourceReader::readDatabase(PgConnection &connection, const QString &conninfo, const QString &database,
                                            const SchemaScope &scope)
{
    SchemaRead read;
    setActive(&connection);
    const QString failure = m_cancelled ? QString() : connection.open(conninfo, QStringLiteral("atlas-console-compare"), database);
    if (m_cancelled) {
        setActive(nullptr);
        return {SchemaRead::Failure::Cancelled, QStringLiteral("cancelled"), {}};
    }
    if (!failure.isEmpty()) {
        setActive(nullptr);
        // A connection string libpq cannot read is bad input: nothing was tried.
        const bool unreadable = classifyConnectionProblem(failure).kind == ConnectionProblemKind::BadConnectionString;
        return {unreadable ? SchemaRead::Failure::BadInput : SchemaRead::Failure::Connection, redactConnectionString(failure), {}};
    }
    const PgResult result = readSchemaModel(connection, scope, &read.model);
    setActive(nullptr);
    if (!result.ok()) {
        read.failure = m_cancelled ? SchemaRead::Failure::Cancelled : SchemaRead::Failure::Failed;
        read.error = QStringLiteral("could not read the schema of %1: %2").arg(connection.database(), result.error().toString());
    }
    return read;
}

SchemaRead SchemaSourceReader::buildFolder(const QString &folder, const SchemaScope &scope)
{
    const MigrationCatalog catalog = scanMigrationFolder(folder);
    if (catalog.hasErrors())
        return {SchemaRead::Failure::BadInput, catalog.errors().value(0).toString(), {}};

    PgConnection admin;
    setActive(&admin);
    const QString failure = admin.open(m_shadowServer, QStringLiteral("atlas-console-compare"));
    setActive(nullptr);
    if (m_cancelled)
        return {SchemaRead::Failure::Cancelled, QStringLiteral("cancelled"), {}};
    if (!failure.isEmpty())
        return {SchemaRead::Failure::Connection,
                QStringLiteral("the local server, where %1 is built in a shadow database: %2").arg(folder, redactConnectionString(failure)), {}};
    static QAtomicInt counter;
    const QString name = QStringLiteral("atlas_shadow_%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    const QHash<QString, QString> identifiers{{QStringLiteral("database"), admin.quoteIdentifier(name)}};
    const PgResult created = admin.exec(sqlResource(QStringLiteral("schema/shadow_create"), identifiers));
    if (!created.ok())
        return {SchemaRead::Failure::Failed, QStringLiteral("could not create the shadow database on %1: %2")
                                                 .arg(admin.host(), created.error().toString()), {}};

    SchemaRead read;
    {
        PgConnection shadow;
        setActive(&shadow);
        const QString shadowFailure = shadow.open(m_shadowServer, QStringLiteral("atlas-console-compare"), name);
        setActive(nullptr);
        if (m_cancelled) {
            read = {SchemaRead::Failure::Cancelled, QStringLiteral("cancelled"), {}};
        } else if (!shadowFailure.isEmpty()) {
            read = {SchemaRead::Failure::Connection, redactConnectionString(shadowFailure), {}};
        } else {
            MigrationRunner runner(shadow);
            setActive(&shadow);
            if (m_cancelled)  // after setActive: a cancel from now on reaches the connection
                runner.cancel();
            const QList<RunReport> reports = runner.applyPending(catalog, QString(), true);
            setActive(nullptr);
            for (const RunReport &report : reports) {
                if (report.ok || report.skipped)
                    continue;
                // The folder is the input: one that does not build is bad input, not a difference.
                read.failure = report.cancelled || m_cancelled ? SchemaRead::Failure::Cancelled : SchemaRead::Failure::BadInput;
                // A preflight's report (an extension this server lacks) names no one migration.
                read.error = report.version.isEmpty()
                    ? QStringLiteral("%1 does not build in a shadow database: %2").arg(folder, report.message)
                    : QStringLiteral("%1 does not build in a shadow database: %2 %3: %4").arg(folder, report.version, report.name, report.message);
                // pg_cron lives in the one database cron.database_name names ("postgres"), never
                // in a shadow one: say what to do instead of leaving the server's words alone.
                if (report.message.contains(QLatin1String("pg_cron")) || report.message.contains(QLatin1String("can only create extension in database")))
                    read.error += QStringLiteral(
                        "\npg_cron can only be created in the database that cron.database_name names (on Supabase and on the local "
                        "server: postgres), so no shadow database can have it. Supabase enables pg_cron from the dashboard; a "
                        "migration that needs it can test for it (as the Atlas cron migration does). To compare anyway, compare "
                        "with a database where these migrations were applied instead of the folder.");
                break;
            }
            if (read.ok())
                read = readDatabase(shadow, m_shadowServer, name, scope);
            shadow.close();
        }
    }
    admin.exec(sqlResource(QStringLiteral("schema/shadow_drop"), identifiers));
    return read;
}
