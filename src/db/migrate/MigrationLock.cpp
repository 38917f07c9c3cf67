#include "db/migrate/MigrationLock.h"

#include "db/pg/PgConnection.h"

#include <QDeadlineTimer>
#include <QThread>

MigrationLock::MigrationLock(PgConnection &connection, bool transactionScoped)
    : m_connection(connection)
    , m_transactionScoped(transactionScoped)
{
}

MigrationLock::~MigrationLock() { release(); }

bool MigrationLock::acquire(int waitMs, const std::atomic<bool> &cancelled, QString *why)
{
    const QString query = m_transactionScoped ? QStringLiteral("SELECT pg_try_advisory_xact_lock($1::bigint)")
                                              : QStringLiteral("SELECT pg_try_advisory_lock($1::bigint)");
    QDeadlineTimer deadline(waitMs);
    while (true) {
        const PgResult result = m_connection.execParams(query, {QString::number(kKey)});
        if (!result.ok()) {
            *why = QStringLiteral("could not take the migration lock: %1").arg(result.error().toString());
            return false;
        }
        if (result.value(0, 0) == QLatin1String("t")) {
            m_held = !m_transactionScoped;
            return true;
        }
        if (cancelled) {
            *why = QStringLiteral("cancelled while waiting for the migration lock");
            return false;
        }
        if (deadline.hasExpired()) {
            const QString holder = describeHolder(m_connection);
            *why = QStringLiteral("another session is migrating this database%1; waited %2 s for the migration lock")
                       .arg(holder.isEmpty() ? QString() : QStringLiteral(": ") + holder)
                       .arg(waitMs / 1000.0, 0, 'f', 1);
            return false;
        }
        QThread::msleep(100);
    }
}

void MigrationLock::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (m_connection.isOpen())
        m_connection.execParams(QStringLiteral("SELECT pg_advisory_unlock($1::bigint)"), {QString::number(kKey)});
}

QString MigrationLock::describeHolder(PgConnection &connection)
{
    // Superusers and pg_read_all_stats see every column; others see at least the pid.
    const PgResult result = connection.exec(QStringLiteral(
        "SELECT l.pid, coalesce(a.usename::text, '?'), coalesce(nullif(a.application_name, ''), '?'), "
        "coalesce(to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'), '?'), coalesce(a.client_addr::text, 'local') "
        "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.classid = 1096043585 AND l.objid = 1396920142 AND l.objsubid = 1 "
        // Advisory locks belong to one database; consoles on other databases do not block this one.
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.granted AND l.pid <> pg_backend_pid() LIMIT 1"));
    if (!result.ok() || result.rowCount() == 0)
        return QString();
    return QStringLiteral("pid %1 (user %2, application %3, from %5, connected since %4)")
        .arg(result.value(0, 0), result.value(0, 1), result.value(0, 2), result.value(0, 3), result.value(0, 4));
}
