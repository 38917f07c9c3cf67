#include "core/todo/TodoEvidence.h"

#include "core/advise/Advisors.h"

namespace TodoEvidence {

QString checkFor(const TodoItem &item)
{
    if (!item.checkId.isEmpty())
        return item.checkId;
    const QString text = item.text.toLower();
    if (text.contains(QLatin1String("tier")) && (text.contains(QLatin1String("core")) || text.contains(QLatin1String("studio"))))
        return kTierValues;
    if (text.contains(QLatin1String("rls")) || text.contains(QLatin1String("row level security")))
        return kRlsVerified;
    if (text.contains(QLatin1String("cleanup_expired_cache")) || text.contains(QLatin1String("scheduled job")))
        return kCleanupScheduled;
    if (text.contains(QLatin1String("apply migration")) || text.contains(QLatin1String("usage tracking"))
        || text.contains(QLatin1String("usage-tracking")))
        return kUsageMigrationApplied;
    return QString();
}

QString advisorOf(const QString &checkId)
{
    return checkId.startsWith(kAdvisorPrefix) ? checkId.mid(kAdvisorPrefix.size()) : QString();
}

bool isKnown(const QString &checkId)
{
    if (findAdvisorCheck(advisorOf(checkId)))
        return true;
    return checkId == kTierValues || checkId == kUsageMigrationApplied || checkId == kRlsVerified
        || checkId == kCleanupScheduled;
}

QString describe(const QString &checkId)
{
    if (checkId == kTierValues)
        return QStringLiteral("daily_usage_tier_check allows exactly free, core and studio");
    if (checkId == kUsageMigrationApplied)
        return QStringLiteral("20250918_create_usage_tracking_tables is recorded in supabase_migrations.schema_migrations");
    if (checkId == kRlsVerified)
        return QStringLiteral("live RLS test in a transaction that is rolled back: a user sees only their own "
                              "daily_usage and usage_logs rows, cannot insert for another user, anon sees none");
    if (checkId == kCleanupScheduled)
        return QStringLiteral("a pg_cron job runs public.cleanup_expired_cache()");
    if (const AdvisorCheck *advisor = findAdvisorCheck(advisorOf(checkId)))
        return QStringLiteral("Supabase's advisor %1 finds nothing (%2)").arg(advisor->name, advisor->title.toLower());
    return QStringLiteral("no automatic check");
}

}  // namespace TodoEvidence
