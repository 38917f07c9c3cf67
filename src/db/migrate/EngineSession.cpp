#include "db/migrate/EngineSession.h"

#include "core/run/Actor.h"
#include "db/SqlResource.h"
#include "db/migrate/HistoryReader.h"
#include "db/migrate/HistoryWriter.h"
#include "db/migrate/MigrationLock.h"
#include "db/pg/PgConnection.h"

EngineSession::EngineSession(PgConnection &connection_, RunnerOptions options_)
    : connection(connection_)
    , options(std::move(options_))
{
    if (options.actor.isEmpty())
        options.actor = currentActor();
}

PgResult EngineSession::begin(Transaction &transaction, Transaction::Access access)
{
    PgResult result = transaction.begin(access);
    if (result.ok())
        result = connection.execParams(sqlResource(QStringLiteral("engine/transaction_limits")),
                                       {options.lockTimeout, options.statementTimeout});
    if (result.ok())
        backendPid->store(result.value(0, 2).toInt());
    else
        transaction.rollback();
    return result;
}

bool EngineSession::takeLock(MigrationLock &lock, RunReport *report)
{
    QString why;
    if (lock.acquire(options.lockWaitMs, cancelled, &why))
        return true;
    report->message = why;
    report->cancelled = cancelled;
    report->lockBusy = !cancelled;
    return false;
}

bool EngineSession::lockAndPrepareHistory(MigrationLock &lock, bool lockHeld, RunReport *report)
{
    if (!lockHeld && !options.transactionPooled && !takeLock(lock, report))
        return false;
    bool ready = false;
    PgResult setup = HistoryReader::tablesReady(connection, &ready);
    if (setup.ok() && !ready) {
        Transaction creating(connection);
        setup = creating.begin();
        // Behind a pooler the lock is per transaction: take it here too, or two consoles creating
        // the tables at once collide on CREATE SCHEMA IF NOT EXISTS.
        if (setup.ok() && options.transactionPooled && !lockHeld && !takeLock(lock, report))
            return false;
        if (setup.ok())
            setup = HistoryWriter::createTables(connection);
        if (setup.ok())
            setup = creating.commit();
    }
    if (!setup.ok()) {
        report->message = QStringLiteral("could not create the migration history tables: %1").arg(setup.error().toString());
        return false;
    }
    return true;
}

bool EngineSession::connectionLost() const
{
    return !connection.isOpen();
}

PgResult EngineSession::reapplyLimits()
{
    const bool inTransaction = connection.inTransaction();
    return connection.execParams(sqlResource(inTransaction ? QStringLiteral("engine/transaction_limits")
                                                           : QStringLiteral("engine/session_limits")),
                                 {options.lockTimeout, options.statementTimeout});
}

PgResult EngineSession::resetSession()
{
    return connection.exec(sqlResource(QStringLiteral("engine/reset_session")));
}
