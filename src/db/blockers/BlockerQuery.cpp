#include "db/blockers/BlockerQuery.h"

#include "core/text/PgArrayLiteral.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"

namespace BlockerQuery {

PgResult read(PgConnection &connection, int waitingPid, QList<BlockingSession> *blockers)
{
    blockers->clear();
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("blockers/blockers_of")),
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
        sqlResource(terminate ? QStringLiteral("blockers/terminate_backend") : QStringLiteral("blockers/cancel_backend")),
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

QString holdersOf(PgConnection &connection, const QStringList &relations)
{
    if (relations.isEmpty())
        return QString();
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("blockers/holders_of")), {pgTextArrayLiteral(relations)});
    if (!result.ok())
        return QString();
    QStringList holders;
    for (int r = 0; r < result.rowCount(); ++r) {
        const qint64 ms = result.value(r, 4).toLongLong();
        holders << QStringLiteral("pid %1 (%2, %3, %4%5): %6")
                       .arg(result.value(r, 0), result.value(r, 1), result.value(r, 2).isEmpty() ? QStringLiteral("no application name") : result.value(r, 2),
                            result.value(r, 3).isEmpty() ? QStringLiteral("state hidden") : result.value(r, 3),
                            ms >= 0 ? QStringLiteral(" for %1 s").arg(ms / 1000) : QString(), result.value(r, 5));
    }
    return holders.join(QStringLiteral("; "));
}

}  // namespace BlockerQuery
