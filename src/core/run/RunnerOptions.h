#pragma once

#include <QMetaType>
#include <QString>

// How the migration engine runs: the limits it sets on the migration's statements, how long it
// waits for another session's migration lock, and who it records as the actor.
struct RunnerOptions {
    QString lockTimeout = QStringLiteral("4s");         // SET LOCAL for the migration's statements
    QString statementTimeout = QStringLiteral("15min"); // likewise; "0" turns it off
    int lockWaitMs = 30000;            // how long to wait for another console's migration lock
    int lockRetries = 3;               // attempts after the first when a table lock is not got within lock_timeout
    bool transactionPooled = false;    // behind a transaction pooler: transaction-scoped lock
    QString actor;                     // who runs it, for the audit: "alice@laptop"
};
Q_DECLARE_METATYPE(RunnerOptions)
