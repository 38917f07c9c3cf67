#include "db/blockers/BlockerQuery.h"

#include "db/pg/PgConnection.h"

namespace BlockerQuery {

PgResult read(PgConnection &connection, int waitingPid, QList<BlockingSession> *blockers)
{
    blockers->clear();
    const PgResult result = connection.execParams(
        QStringLiteral(
            "WITH waiting AS ("
            "  SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "  AND CASE WHEN $1::int > 0 THEN pid = $1::int ELSE wait_event_type = 'Lock' END), "
            // Parallel workers can name a pid twice.
            "pairs AS (SELECT DISTINCT waiting_pid, pid FROM "
            "  (SELECT w.pid AS waiting_pid, unnest(pg_blocking_pids(w.pid)) AS pid FROM waiting w) AS x), "
            "me AS (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
            "SELECT p.pid, p.waiting_pid, coalesce(b.usename::text, ''), coalesce(b.application_name, ''), "
            "coalesce(b.state, ''), coalesce(b.query, ''), "
            "coalesce((extract(epoch FROM now() - coalesce(b.xact_start, b.query_start)) * 1000)::bigint, -1), "
            "(SELECT string_agg(DISTINCT l.mode || ' on ' || l.relation::regclass::text, ', ') FROM pg_locks l "
            "  WHERE l.pid = p.pid AND l.granted AND l.relation IN "
            "    (SELECT w.relation FROM pg_locks w WHERE w.pid = p.waiting_pid AND NOT w.granted)), "
            "(SELECT string_agg(DISTINCT w.mode || ' on ' || w.relation::regclass::text, ', ') FROM pg_locks w "
            "  WHERE w.pid = p.waiting_pid AND NOT w.granted AND w.relation IS NOT NULL), "
            // pid 0: a prepared transaction, which no signal ends. The server checks privileges
            // (USAGE), not bare membership.
            "CASE WHEN p.pid = 0 THEN false "
            "     WHEN (SELECT rolsuper FROM me) THEN true "
            "     WHEN coalesce((SELECT rolsuper FROM pg_roles r WHERE r.oid = b.usesysid), true) THEN false "
            "     ELSE pg_has_role(current_user, b.usesysid, 'USAGE') "
            "          OR pg_has_role(current_user, 'pg_signal_backend', 'USAGE') END, "
            "coalesce(b.wait_event_type = 'Lock', false) "
            "FROM pairs p LEFT JOIN pg_stat_activity b ON b.pid = p.pid ORDER BY p.waiting_pid, p.pid"),
        {QString::number(waitingPid)});
    if (!result.ok())
        return result;
    for (int r = 0; r < result.rowCount(); ++r) {
        BlockingSession s;
        s.pid = result.value(r, 0).toInt();
        s.waitingPid = result.value(r, 1).toInt();
        s.user = result.value(r, 2);
        s.application = result.value(r, 3);
        s.state = result.value(r, 4);
        s.query = result.value(r, 5);
        s.heldForMs = result.value(r, 6).toLongLong();
        s.holds = result.value(r, 7);
        s.wants = result.value(r, 8);
        s.canSignal = result.value(r, 9) == QLatin1String("t");
        if (s.pid == 0) {
            s.state = QStringLiteral("prepared transaction");
            s.query = QStringLiteral("(a prepared transaction holds the lock: end it with COMMIT PREPARED or ROLLBACK PREPARED, "
                                     "see pg_prepared_xacts)");
        } else if (s.holds.isEmpty() && result.value(r, 10) == QLatin1String("t")) {
            // Not holding the lock but queued ahead for it: ending it may not be what frees the way.
            s.holds = QStringLiteral("nothing yet: it waits ahead in the queue for the same lock");
        }
        blockers->append(s);
    }
    return result;
}

bool signal(PgConnection &connection, int pid, bool terminate, QString *message)
{
    const PgResult result = connection.execParams(
        terminate ? QStringLiteral("SELECT pg_terminate_backend($1::int)") : QStringLiteral("SELECT pg_cancel_backend($1::int)"),
        {QString::number(pid)});
    const QString verb = terminate ? QStringLiteral("terminate") : QStringLiteral("cancel");
    if (!result.ok()) {
        *message = QStringLiteral("could not %1 pid %2: %3").arg(verb).arg(pid).arg(result.error().toString());
        return false;
    }
    if (result.value(0, 0) != QLatin1String("t")) {
        *message = QStringLiteral("pid %1 is no longer a server session (it may have ended)").arg(pid);
        return false;
    }
    *message = terminate ? QStringLiteral("pid %1 was terminated: its session ended and its locks were released").arg(pid)
                         : QStringLiteral("pid %1 was asked to cancel its query; an open transaction keeps its locks until it ends")
                               .arg(pid);
    return true;
}

}  // namespace BlockerQuery
