#include "core/run/Actor.h"

#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

QString currentActor()
{
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    if (user.isEmpty()) {
        const passwd *entry = ::getpwuid(::geteuid());
        user = entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("uid%1").arg(::geteuid());
    }
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}
