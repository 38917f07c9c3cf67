#include "core/run/RunReport.h"

#include <algorithm>

int RunReport::failedChecks() const
{
    return int(std::count_if(checks.begin(), checks.end(), [](const CheckResult &c) { return !c.passed; }));
}

QString RunReport::operationName() const
{
    switch (direction) {
    case RunDirection::Up: return dryRun ? QStringLiteral("dry run") : QStringLiteral("apply");
    case RunDirection::Down: return dryRun ? QStringLiteral("rollback preview") : QStringLiteral("rollback");
    case RunDirection::Verify: return QStringLiteral("verify");
    case RunDirection::Repair: return QStringLiteral("repair");
    }
    return QString();
}
