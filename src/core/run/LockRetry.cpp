#include "core/run/LockRetry.h"

#include <algorithm>

QString LockRetry::describe(int attempts) const
{
    return QStringLiteral("attempt %1 of %2 could not get its lock within lock_timeout at %3%4; trying again in %5 ms")
        .arg(attempt)
        .arg(attempts)
        .arg(statement, heldBy.isEmpty() ? QString() : QStringLiteral("; held by ") + heldBy)
        .arg(pauseMs);
}

qint64 lockRetryPauseMs(int retry, double unit)
{
    const qint64 base = std::min<qint64>(30'000, 500LL << std::clamp(retry - 1, 0, 10));
    return qint64(double(base) * (0.5 + 0.5 * std::clamp(unit, 0.0, 1.0)));
}
