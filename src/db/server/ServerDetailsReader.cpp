#include "db/server/ServerDetailsReader.h"

#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

namespace {

ServerSection read(PgConnection &connection, const QString &title, const QString &file)
{
    ServerSection section;
    section.title = title;
    connection.exec(QStringLiteral("SAVEPOINT atlas_server_section"));
    const PgResult result = connection.exec(sqlResource(QStringLiteral("server/") + file));
    if (!result.ok()) {
        connection.exec(QStringLiteral("ROLLBACK TO SAVEPOINT atlas_server_section"));
        section.note = result.error().toString();
        return section;
    }
    for (int c = 0; c < result.columnCount(); ++c)
        section.columns << result.columnName(c);
    for (int r = 0; r < result.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < result.columnCount(); ++c)
            row << result.value(r, c);
        section.rows << row;
    }
    return section;
}

}  // namespace

QList<ServerSection> readServerDetails(PgConnection &connection)
{
    QList<ServerSection> sections;
    Transaction transaction(connection);
    const PgResult begun = transaction.begin(Transaction::Access::ReadOnly);
    if (!begun.ok()) {
        sections << ServerSection{QStringLiteral("Server"), {}, {}, begun.error().toString()};
        return sections;
    }
    sections << read(connection, QStringLiteral("Settings"), QStringLiteral("settings"))
             << read(connection, QStringLiteral("Extensions"), QStringLiteral("extensions"))
             << read(connection, QStringLiteral("Size"), QStringLiteral("sizes"))
             << read(connection, QStringLiteral("Connections"), QStringLiteral("connections"));
    const PgResult cron = connection.exec(sqlResource(QStringLiteral("server/has_cron")));
    if (cron.ok() && cron.value(0, 0) == QLatin1String("t"))
        sections << read(connection, QStringLiteral("pg_cron jobs"), QStringLiteral("cron_jobs"));
    else
        sections << ServerSection{QStringLiteral("pg_cron jobs"), {}, {},
                                  QStringLiteral("pg_cron is not installed in this database (it lives in one database of a server: "
                                                 "on Supabase, postgres)")};
    transaction.rollback();
    return sections;
}
