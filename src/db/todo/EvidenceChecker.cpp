#include "db/todo/EvidenceChecker.h"

#include "core/advise/Advisors.h"
#include "db/SqlResource.h"
#include "db/advise/AdvisorRunner.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

#include <QUuid>

namespace {

PgResult ask(PgConnection &c, const char *question, const QStringList &params = {})
{
    const QString sql = sqlResource(QStringLiteral("todo/") + QLatin1String(question));
    return params.isEmpty() ? c.exec(sql) : c.execParams(sql, params);
}

EvidenceResult failed(const QString &id, const PgResult &result)
{
    return EvidenceResult{id, false, true, result.error().toString()};
}

EvidenceResult tierValues(PgConnection &c)
{
    const PgResult r = ask(c, "tier_check");
    if (!r.ok())
        return failed(TodoEvidence::kTierValues, r);
    if (r.rowCount() == 0)
        return {TodoEvidence::kTierValues, false, false, QStringLiteral("public.daily_usage has no tier check")};
    const QString definition = r.value(0, 0);
    const bool done = definition.contains(QLatin1String("'core'")) && definition.contains(QLatin1String("'studio'"))
        && !definition.contains(QLatin1String("'basic'")) && !definition.contains(QLatin1String("'premium'"));
    return {TodoEvidence::kTierValues, done, false, definition};
}

EvidenceResult usageApplied(PgConnection &c)
{
    const PgResult r = ask(c, "usage_migration_recorded");
    if (!r.ok())
        return failed(TodoEvidence::kUsageMigrationApplied, r);
    const bool recorded = !r.isNull(0, 0) && r.value(0, 0) != QLatin1String("0");
    const bool tablesThere = r.value(0, 1) == QLatin1String("t");
    if (recorded)
        return {TodoEvidence::kUsageMigrationApplied, true, false, QStringLiteral("20250918 is recorded as applied")};
    if (tablesThere) {
        EvidenceResult byHand{TodoEvidence::kUsageMigrationApplied, true, false,
                              QStringLiteral("the usage tables are there, but 20250918 has no history row (applied by hand?): "
                                             "record it as applied on the Migrations page")};
        byHand.unrecorded = true;
        return byHand;
    }
    return {TodoEvidence::kUsageMigrationApplied, false, false,
            r.isNull(0, 0) ? QStringLiteral("no migration history and no usage tables in this database")
                           : QStringLiteral("20250918 is not recorded and the usage tables are not there")};
}

EvidenceResult cleanupScheduled(PgConnection &c)
{
    const PgResult has = ask(c, "cron_present");
    if (!has.ok())
        return failed(TodoEvidence::kCleanupScheduled, has);
    if (has.value(0, 0) != QLatin1String("t"))
        return {TodoEvidence::kCleanupScheduled, false, false, QStringLiteral("pg_cron is not installed in this database")};
    const PgResult r = ask(c, "cleanup_jobs");
    if (!r.ok())
        return failed(TodoEvidence::kCleanupScheduled, r);
    if (r.rowCount() == 0)
        return {TodoEvidence::kCleanupScheduled, false, false, QStringLiteral("no pg_cron job calls cleanup_expired_cache()")};
    const bool active = r.value(0, 2) == QLatin1String("t");
    return {TodoEvidence::kCleanupScheduled, active, false,
            QStringLiteral("job %1 runs \"%2\"%3").arg(r.value(0, 0), r.value(0, 1), active ? QString() : QStringLiteral(" but is inactive"))};
}

// The seed's "RLS policies ensure users can only see their own data", tested for real in a
// transaction that is rolled back: two throwaway users with a row each; as user A, A's rows and
// none of B's are visible, and a row for B is refused; as anon, nothing.
EvidenceResult rlsVerified(PgConnection &c)
{
    const QString id = TodoEvidence::kRlsVerified;
    const PgResult tables = ask(c, "rls_tables_present");
    if (!tables.ok())
        return failed(id, tables);
    if (tables.value(0, 0) != QLatin1String("t"))
        return {id, false, false, QStringLiteral("the usage tables (or auth.uid()) are missing")};
    const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList findings;
    const auto step = [&](const char *question, const QStringList &params = {}) {
        const PgResult r = ask(c, question, params);
        if (!r.ok())
            findings << r.error().toString();
        return r;
    };
    Transaction transaction(c);
    const PgResult begun = transaction.begin();
    if (!begun.ok())
        return failed(id, begun);
    step("rls_limits");
    step("rls_insert_users", {a, b});
    step("rls_insert_daily_usage", {a, b});
    step("rls_insert_usage_logs", {a, b});
    if (!findings.isEmpty())
        return {id, false, true, QStringLiteral("could not set up the test rows: %1").arg(findings.join(QStringLiteral("; ")))};

    bool done = true;
    step("rls_act_as_user", {a});
    for (const QString &table : {QStringLiteral("daily_usage"), QStringLiteral("usage_logs")}) {
        const PgResult r = c.execParams(sqlResource(QStringLiteral("todo/rls_rows_seen"),
                                                    {{QStringLiteral("relation"), QStringLiteral("public.") + table}}),
                                        {a, b});
        if (!r.ok()) {
            findings << r.error().toString();
            done = false;
            continue;
        }
        done = done && r.value(0, 0) == QLatin1String("1") && r.value(0, 1) == QLatin1String("0");
        findings << QStringLiteral("%1: user A sees %2 own row(s) and %3 of user B").arg(table, r.value(0, 0), r.value(0, 1));
    }
    PgResult r = transaction.underSavepoint(QStringLiteral("rls_insert"), [&] { return ask(c, "rls_insert_for_other", {b}); });
    const bool refused = !r.ok() && r.error().sqlState == QLatin1String("42501");
    done = done && refused;
    findings << (refused ? QStringLiteral("user A cannot insert a row for user B")
                         : QStringLiteral("user A could insert a row for user B%1")
                               .arg(r.ok() ? QString() : QStringLiteral(" (%1)").arg(r.error().toString())));
    step("rls_act_as_anon");
    r = transaction.underSavepoint(QStringLiteral("rls_anon"), [&] { return ask(c, "rls_anon_count"); });
    // No rows, or no grant at all: either way anon sees nothing.
    const bool anonBlind = (r.ok() && r.value(0, 0) == QLatin1String("0"))
        || (!r.ok() && r.error().sqlState == QLatin1String("42501"));
    done = done && anonBlind;
    findings << (anonBlind ? QStringLiteral("anon sees no daily_usage row")
                           : QStringLiteral("anon sees %1 daily_usage row(s)").arg(r.ok() ? r.value(0, 0) : r.error().message));
    return {id, done, false, findings.join(QStringLiteral("; "))};
}

// Done when the advisor finds nothing; else what it found.
EvidenceResult advisorClear(PgConnection &connection, const AdvisorCheck &advisor, const QString &id)
{
    QList<AdvisorFinding> findings;
    const PgResult r = runAdvisorCheck(connection, advisor, {QStringLiteral("public"), QStringLiteral("graphql_public")}, &findings);
    if (!r.ok())
        return failed(id, r);
    QStringList objects;
    for (const AdvisorFinding &finding : findings)
        objects << finding.object;
    return {id, findings.isEmpty(), false,
            findings.isEmpty() ? QStringLiteral("%1 finds nothing").arg(advisor.name)
                               : QStringLiteral("%1 still finds %2").arg(advisor.name, objects.join(QStringLiteral(", ")))};
}

}  // namespace

QList<EvidenceResult> checkEvidence(PgConnection &connection, const QStringList &checkIds)
{
    QList<EvidenceResult> results;
    for (const QString &id : checkIds) {
        if (id == TodoEvidence::kTierValues)
            results.append(tierValues(connection));
        else if (id == TodoEvidence::kUsageMigrationApplied)
            results.append(usageApplied(connection));
        else if (id == TodoEvidence::kRlsVerified)
            results.append(rlsVerified(connection));
        else if (id == TodoEvidence::kCleanupScheduled)
            results.append(cleanupScheduled(connection));
        else if (const AdvisorCheck *advisor = findAdvisorCheck(TodoEvidence::advisorOf(id)))
            results.append(advisorClear(connection, *advisor, id));
        else
            results.append({id, false, true, QStringLiteral("unknown check \"%1\"").arg(id)});
    }
    return results;
}
