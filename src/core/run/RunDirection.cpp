#include "core/run/RunDirection.h"

QString directionName(RunDirection direction)
{
    switch (direction) {
    case RunDirection::Up: return QStringLiteral("up");
    case RunDirection::Down: return QStringLiteral("down");
    case RunDirection::Verify: return QStringLiteral("verify");
    case RunDirection::Repair: return QStringLiteral("repair");
    }
    return QString();
}

std::optional<RunDirection> directionFromName(const QString &name)
{
    for (RunDirection d : {RunDirection::Up, RunDirection::Down, RunDirection::Verify, RunDirection::Repair}) {
        if (directionName(d) == name)
            return d;
    }
    return std::nullopt;
}

QString outcomeName(AttemptOutcome outcome)
{
    switch (outcome) {
    case AttemptOutcome::Succeeded: return QStringLiteral("succeeded");
    case AttemptOutcome::Failed: return QStringLiteral("failed");
    case AttemptOutcome::Cancelled: return QStringLiteral("cancelled");
    }
    return QString();
}

std::optional<AttemptOutcome> outcomeFromName(const QString &name)
{
    for (AttemptOutcome o : {AttemptOutcome::Succeeded, AttemptOutcome::Failed, AttemptOutcome::Cancelled}) {
        if (outcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}
