#include "db/migrate/MigrationLock.h"

#include "db/SqlResource.h"
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
    const QString query = sqlResource(m_transactionScoped ? QStringLiteral("lock/try_transaction") : QStringLiteral("lock/try_session"));
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
        m_connection.execParams(sqlResource(QStringLiteral("lock/release")), {QString::number(kKey)});
}

QString MigrationLock::describeHolder(PgConnection &connection)
{
    const PgResult result = connection.exec(sqlResource(QStringLiteral("lock/holder")));
    if (!result.ok() || result.rowCount() == 0)
        return QString();
    return QStringLiteral("pid %1 (user %2, application %3, from %5, connected since %4)")
        .arg(result.value(0, 0), result.value(0, 1), result.value(0, 2), result.value(0, 3), result.value(0, 4));
}
