#include "core/advise/Advisors.h"

#include <algorithm>

const QList<AdvisorCheck> &advisorChecks()
{
    using L = AdvisorCheck::Level;
    static const QList<AdvisorCheck> checks = {
        {"rls_disabled_in_public", L::Error, "security", "Row level security is off on an exposed table",
         "The API serves every row of the table to anyone holding the project's anon key."},
        {"policy_exists_rls_disabled", L::Error, "security", "Policies exist but row level security is off",
         "Policies do nothing until row level security is enabled: the rows are open."},
        {"security_definer_view", L::Error, "security", "A view runs with its owner's rights",
         "It bypasses the row level security of the tables it reads."},
        {"auth_users_exposed", L::Error, "security", "auth.users is exposed through a view",
         "Users' e-mails, phones and metadata are served through the API."},
        {"function_search_path_mutable", L::Warning, "security", "A function has no fixed search_path",
         "Names in its body resolve through the caller's search_path; a SECURITY DEFINER one can be hijacked."},
        {"extension_in_public", L::Warning, "security", "An extension is installed in public",
         "Its functions and tables are exposed through the API."},
        {"rls_enabled_no_policy", L::Info, "security", "Row level security is on and no policy exists",
         "The API roles see no rows and can write none: usually a forgotten policy."},
        {"multiple_permissive_policies", L::Warning, "performance", "Several permissive policies for one role and command",
         "Each is evaluated for every row: one policy with the conditions joined by OR costs less."},
        {"auth_rls_initplan", L::Warning, "performance", "A policy calls auth.uid() (or current_setting()) for every row",
         "Wrapped as (SELECT auth.uid()) it is evaluated once per query."},
        {"unindexed_foreign_keys", L::Info, "performance", "A foreign key has no index",
         "Deleting or updating a referenced row scans the referencing table."},
        {"duplicate_index", L::Warning, "performance", "Identical indexes",
         "Every write maintains both; one is enough."},
        {"no_primary_key", L::Info, "performance", "A table has no primary key",
         "Rows cannot be told apart, and logical replication cannot update or delete them."},
        {"unused_index", L::Info, "performance", "An index has never been used",
         "It costs every write and its space, and no query reads it (since the statistics were reset)."},
    };
    return checks;
}

const AdvisorCheck *findAdvisorCheck(const QString &name)
{
    const QList<AdvisorCheck> &checks = advisorChecks();
    const auto found = std::find_if(checks.cbegin(), checks.cend(), [&](const AdvisorCheck &c) { return c.name == name; });
    return found == checks.cend() ? nullptr : &*found;
}

QString advisorLevelName(AdvisorCheck::Level level)
{
    switch (level) {
    case AdvisorCheck::Level::Info: return QStringLiteral("info");
    case AdvisorCheck::Level::Warning: return QStringLiteral("warning");
    case AdvisorCheck::Level::Error: return QStringLiteral("error");
    }
    return QString();
}
