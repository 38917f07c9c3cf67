#pragma once

#include <QList>
#include <QString>

// Supabase's database advisors, run live on a database: their names, how much each matters, and
// why. The queries are resources/sql/advisors/<name>.sql; each returns (object, detail, fix).
struct AdvisorCheck {
    QString name;   // Supabase's: "rls_disabled_in_public"
    enum class Level { Info, Warning, Error } level;
    QString category;  // "security", "performance"
    QString title;
    QString why;
};

struct AdvisorFinding {
    QString check;
    AdvisorCheck::Level level = AdvisorCheck::Level::Info;
    QString object;  // "public.notes"
    QString detail;
    QString fix;     // SQL that fixes it (or says how, as a comment)
};

const QList<AdvisorCheck> &advisorChecks();
const AdvisorCheck *findAdvisorCheck(const QString &name);
QString advisorLevelName(AdvisorCheck::Level level);  // "info", "warning", "error"
