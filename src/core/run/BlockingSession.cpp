#include "core/run/BlockingSession.h"

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("?");
    const qint64 seconds = ms / 1000;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return seconds >= 86400 ? QStringLiteral("%1:%2").arg(seconds / 86400).arg(clock) : clock;
}

QString BlockingSession::describe(int queryChars) const
{
    QString oneLine = query.simplified();
    if (oneLine.size() > queryChars)
        oneLine = oneLine.left(queryChars - 1) + QChar(0x2026);
    return QStringLiteral("pid %1 (user %2, application %3, %4 for %5) holds %6: %7")
        .arg(pid)
        .arg(user.isEmpty() ? QStringLiteral("?") : user, application.isEmpty() ? QStringLiteral("?") : application,
             state.isEmpty() ? QStringLiteral("?") : state, formatDuration(heldForMs),
             holds.isEmpty() ? QStringLiteral("a row or transaction lock") : holds,
             oneLine.isEmpty() ? QStringLiteral("(query not visible to this role)") : oneLine);
}
