#include "core/run/RunReport.h"

#include <algorithm>

int RunReport::failedChecks() const
{
    return int(std::count_if(checks.begin(), checks.end(), [](const CheckResult &c) { return !c.passed; }));
}
