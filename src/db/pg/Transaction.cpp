#include "db/pg/Transaction.h"

#include "db/pg/PgConnection.h"

Transaction::Transaction(PgConnection &connection)
    : m_connection(connection)
{
}

Transaction::~Transaction()
{
    rollback();
}

PgResult Transaction::begin(Access access)
{
    rollback();
    PgResult result = m_connection.exec(access == Access::ReadOnly ? QStringLiteral("BEGIN TRANSACTION READ ONLY")
                                                                   : QStringLiteral("BEGIN"));
    m_open = result.ok();
    return result;
}

PgResult Transaction::commit()
{
    m_open = false;
    PgResult result = m_connection.exec(QStringLiteral("COMMIT"));
    if (result.ok() && result.commandTag() != QLatin1String("COMMIT"))
        return PgResult::failure(DbError{{}, {}, QStringLiteral("the transaction had failed: the server answered COMMIT "
                                                                "with %1, nothing of it was kept").arg(result.commandTag()),
                                         {}, {}, {}, 0});
    return result;
}

void Transaction::rollback()
{
    if (m_open && m_connection.isOpen() && m_connection.inTransaction())
        m_connection.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
}

PgResult Transaction::underSavepoint(const QString &name, const std::function<PgResult()> &work)
{
    m_connection.exec(QStringLiteral("SAVEPOINT %1").arg(name));
    const PgResult result = work();
    m_connection.exec(result.ok() ? QStringLiteral("RELEASE SAVEPOINT %1").arg(name)
                                  : QStringLiteral("ROLLBACK TO SAVEPOINT %1").arg(name));
    return result;
}
