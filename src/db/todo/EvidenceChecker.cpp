#include "db/todo/EvidenceChecker.h"

#include "db/pg/PgConnection.h"

#include <QUuid>

namespace {

EvidenceResult failed(const QString &id, const PgResult &result)
{
    return EvidenceResult{id, false, true, result.error().toString()};
}

EvidenceResult tierValues(PgConnection &c)
{
    const PgResult r = c.exec(QStringLiteral(
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conname = 'daily_usage_tier_check' AND conrelid = to_regclass('public.daily_usage')"));
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
    const PgResult r = c.exec(QStringLiteral(
        "SELECT CASE WHEN to_regclass('supabase_migrations.schema_migrations') IS NULL THEN NULL "
        "ELSE (SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '20250918') END"));
    if (!r.ok())
        return failed(TodoEvidence::kUsageMigrationApplied, r);
    if (r.isNull(0, 0))
        return {TodoEvidence::kUsageMigrationApplied, false, false, QStringLiteral("no migration history in this database")};
    const bool done = r.value(0, 0) == QLatin1String("1");
    return {TodoEvidence::kUsageMigrationApplied, done, false,
            done ? QStringLiteral("20250918 is recorded as applied") : QStringLiteral("20250918 is not recorded")};
}

EvidenceResult cleanupScheduled(PgConnection &c)
{
    const PgResult has = c.exec(QStringLiteral("SELECT to_regclass('cron.job') IS NOT NULL"));
    if (!has.ok())
        return failed(TodoEvidence::kCleanupScheduled, has);
    if (has.value(0, 0) != QLatin1String("t"))
        return {TodoEvidence::kCleanupScheduled, false, false, QStringLiteral("pg_cron is not installed in this database")};
    const PgResult r = c.exec(QStringLiteral(
        "SELECT jobname, schedule, active FROM cron.job WHERE command ILIKE '%cleanup_expired_cache%' ORDER BY jobid"));
    if (!r.ok())
        return failed(TodoEvidence::kCleanupScheduled, r);
    if (r.rowCount() == 0)
        return {TodoEvidence::kCleanupScheduled, false, false, QStringLiteral("no pg_cron job calls cleanup_expired_cache()")};
    const bool active = r.value(0, 2) == QLatin1String("t");
    return {TodoEvidence::kCleanupScheduled, active, false,
            QStringLiteral("job %1 runs \"%2\"%3").arg(r.value(0, 0), r.value(0, 1), active ? QString() : QStringLiteral(" but is inactive"))};
}

// The seed's "RLS policies ensure users can only see their own data", tested for real.
EvidenceResult rlsVerified(PgConnection &c)
{
    const QString id = TodoEvidence::kRlsVerified;
    const PgResult tables = c.exec(QStringLiteral(
        "SELECT to_regclass('public.daily_usage') IS NOT NULL AND to_regclass('public.usage_logs') IS NOT NULL "
        "AND to_regprocedure('auth.uid()') IS NOT NULL"));
    if (!tables.ok())
        return failed(id, tables);
    if (tables.value(0, 0) != QLatin1String("t"))
        return {id, false, false, QStringLiteral("the usage tables (or auth.uid()) are missing")};
    const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList findings;
    bool done = true;
    const auto step = [&](const QString &sql, const QStringList &params) {
        const PgResult r = c.execParams(sql, params);
        if (!r.ok())
            findings << r.error().toString();
        return r;
    };
    PgResult r = c.exec(QStringLiteral("BEGIN"));
    if (!r.ok())
        return failed(id, r);
    step(QStringLiteral("SELECT set_config('lock_timeout', '2s', true), set_config('statement_timeout', '20s', true)"), {});
    step(QStringLiteral("INSERT INTO auth.users (id, email) VALUES ($1, 'rls-check-a@atlas.invalid'), ($2, 'rls-check-b@atlas.invalid')"), {a, b});
    step(QStringLiteral("INSERT INTO public.daily_usage (user_id, date) VALUES ($1, current_date), ($2, current_date)"), {a, b});
    step(QStringLiteral("INSERT INTO public.usage_logs (user_id, event_type) VALUES ($1, 'rls-check'), ($2, 'rls-check')"), {a, b});
    if (!findings.isEmpty()) {
        c.exec(QStringLiteral("ROLLBACK"));
        return {id, false, true, QStringLiteral("could not set up the test rows: %1").arg(findings.join(QStringLiteral("; ")))};
    }
    step(QStringLiteral("SELECT set_config('role', 'authenticated', true), "
                        "set_config('request.jwt.claims', json_build_object('sub', $1::text, 'role', 'authenticated')::text, true)"),
         {a});
    for (const QString &table : {QStringLiteral("daily_usage"), QStringLiteral("usage_logs")}) {
        r = step(QStringLiteral("SELECT count(*) FILTER (WHERE user_id = $1::uuid), count(*) FILTER (WHERE user_id = $2::uuid) "
                                "FROM public.%1 WHERE user_id IN ($1::uuid, $2::uuid)").arg(table),
                 {a, b});
        if (r.ok()) {
            const bool ownOnly = r.value(0, 0) == QLatin1String("1") && r.value(0, 1) == QLatin1String("0");
            done = done && ownOnly;
            findings << QStringLiteral("%1: user A sees %2 own row(s) and %3 of user B").arg(table, r.value(0, 0), r.value(0, 1));
        } else {
            done = false;
        }
    }
    c.exec(QStringLiteral("SAVEPOINT rls_insert"));
    r = c.execParams(QStringLiteral("INSERT INTO public.daily_usage (user_id, date) VALUES ($1, current_date - 1)"), {b});
    const bool refused = !r.ok() && r.error().sqlState == QLatin1String("42501");
    done = done && refused;
    findings << (refused ? QStringLiteral("user A cannot insert a row for user B")
                         : QStringLiteral("user A could insert a row for user B%1")
                               .arg(r.ok() ? QString() : QStringLiteral(" (%1)").arg(r.error().toString())));
    c.exec(QStringLiteral("ROLLBACK TO SAVEPOINT rls_insert"));
    step(QStringLiteral("SELECT set_config('role', 'anon', true), set_config('request.jwt.claims', '{\"role\":\"anon\"}', true)"), {});
    c.exec(QStringLiteral("SAVEPOINT rls_anon"));
    r = c.exec(QStringLiteral("SELECT count(*) FROM public.daily_usage"));
    // No rows, or no grant at all: either way anon sees nothing.
    const bool anonBlind = (r.ok() && r.value(0, 0) == QLatin1String("0"))
        || (!r.ok() && r.error().sqlState == QLatin1String("42501"));
    done = done && anonBlind;
    findings << (anonBlind ? QStringLiteral("anon sees no daily_usage row")
                           : QStringLiteral("anon sees %1 daily_usage row(s)").arg(r.ok() ? r.value(0, 0) : r.error().message));
    c.exec(QStringLiteral("ROLLBACK"));
    return {id, done, false, findings.join(QStringLiteral("; "))};
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
        else
            results.append({id, false, true, QStringLiteral("unknown check \"%1\"").arg(id)});
    }
    return results;
}
