#pragma once

#include "core/run/BlockingSession.h"
#include "db/pg/PgResult.h"

class PgConnection;

// Who blocks whom, and the means to stop a blocker. One round trip each.
namespace BlockerQuery {

// The sessions that block `waitingPid`, or, when it is 0, every session in this database that
// blocks another one waiting for a lock (behind a transaction pooler the engine's backend is not
// known in advance). Superusers and members of pg_read_all_stats see every query.
PgResult read(PgConnection &connection, int waitingPid, QList<BlockingSession> *blockers);

// pg_cancel_backend (the running query only) or pg_terminate_backend (the whole session, which
// also ends an idle transaction that holds locks). `message` says what happened, in words.
bool signal(PgConnection &connection, int pid, bool terminate, QString *message);

// The other sessions holding locks on `relations` (names as a migration writes them), in words:
// "pid 4242 (alice, psql, idle in transaction for 12 s): AccessExclusiveLock on daily_usage".
// Empty when none holds one any more, or the question fails.
QString holdersOf(PgConnection &connection, const QStringList &relations);

}  // namespace BlockerQuery
