#include "core/run/ActionGuard.h"

QString environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Local: return QStringLiteral("local");
    case Environment::Staging: return QStringLiteral("staging");
    case Environment::Production: return QStringLiteral("production");
    }
    return QString();
}

Environment environmentFromName(const QString &name, bool *ok)
{
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n == QLatin1String("local"))
        return Environment::Local;
    if (n == QLatin1String("staging"))
        return Environment::Staging;
    if (n != QLatin1String("production") && ok)
        *ok = false;
    return Environment::Production;  // an unknown tag is treated as the most careful one
}

bool ActionGuard::accepts(const QString &typed) const
{
    return kind != Kind::TypeName || typed == nameToType;
}

ActionGuard guardFor(Environment environment, const QString &action, const QString &migrationName,
                     const SqlScript &script, const QString &databaseName, const QString &projectRef)
{
    ActionGuard guard;
    for (const SqlStatement &statement : script.statements) {
        guard.planLines << QStringLiteral("line %1: %2").arg(statement.line).arg(statement.kind);
        for (const StatementRisk &risk : statement.risks) {
            if (risk.level == RiskLevel::Destructive)
                guard.destructiveLines << QStringLiteral("line %1: %2").arg(statement.line).arg(risk.reason);
        }
    }
    const QString where = projectRef.isEmpty()
        ? QStringLiteral("database %1").arg(databaseName)
        : QStringLiteral("database %1 (project %2)").arg(databaseName, projectRef);
    guard.summary = QStringLiteral("%1 %2 on the %3 %4").arg(action, migrationName, environmentName(environment), where);
    switch (environment) {
    case Environment::Local:
        guard.kind = ActionGuard::Kind::None;
        break;
    case Environment::Staging:
        guard.kind = ActionGuard::Kind::ConfirmPlan;
        break;
    case Environment::Production:
        guard.kind = ActionGuard::Kind::TypeName;
        guard.nameToType = projectRef.isEmpty() ? databaseName : projectRef;
        break;
    }
    return guard;
}
