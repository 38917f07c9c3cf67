#include "db/migrate/PresenceProbe.h"

#include "core/text/PgTextArray.h"
#include "db/SqlResource.h"
#include "db/migrate/EngineSession.h"
#include "db/migrate/MigrationVerifier.h"
#include "db/pg/PgConnection.h"

#include <algorithm>

namespace {

QString kindName(DerivedCheck::Kind kind)
{
    using Kind = DerivedCheck::Kind;
    switch (kind) {
    case Kind::TableExists: return QStringLiteral("table");
    case Kind::ViewExists: return QStringLiteral("view");
    case Kind::ColumnExists: return QStringLiteral("column");
    case Kind::IndexExists: return QStringLiteral("index");
    case Kind::PolicyExists: return QStringLiteral("policy");
    case Kind::FunctionExists: return QStringLiteral("function");
    case Kind::TriggerExists: return QStringLiteral("trigger");
    case Kind::RowLevelSecurityEnabled: return QStringLiteral("rls");
    case Kind::RowsReadable: break;  // reads rows: not a presence check
    }
    return QString();
}

}  // namespace

PgResult probePresence(PgConnection &connection, const QHash<QString, QList<DerivedCheck>> &checks,
                       QHash<QString, PresenceEvidence> *evidence)
{
    QStringList kinds, schemas, tables, objects;
    QList<QPair<QString, DerivedCheck>> order;  // the version and check of each array position
    for (auto it = checks.begin(); it != checks.end(); ++it) {
        for (const DerivedCheck &check : it.value()) {
            kinds << kindName(check.kind);
            schemas << check.schema;
            tables << check.table;
            objects << check.object;
            order.append({it.key(), check});
        }
    }
    if (order.isEmpty())
        return PgResult();
    const PgResult result = connection.execParams(sqlResource(QStringLiteral("status/objects_present")),
                                                  {toPgTextArray(kinds), toPgTextArray(schemas), toPgTextArray(tables),
                                                   toPgTextArray(objects)});
    if (!result.ok() || result.rowCount() != order.size())
        return result;
    for (int row = 0; row < result.rowCount(); ++row) {
        const auto &[version, check] = order.at(result.value(row, 0).toInt() - 1);
        (*evidence)[version].checks.append({check.name, result.value(row, 1) == QLatin1String("t"), QString()});
    }
    return result;
}

void markPresentMigrations(EngineSession &session, const MigrationCatalog &catalog, QList<MigrationStatusRow> *rows)
{
    QStringList unrecorded;
    for (const MigrationStatusRow &row : *rows) {
        if (!row.recorded && row.hasFile && (row.state == MigrationState::Pending || row.state == MigrationState::OutOfOrder))
            unrecorded << row.version;
    }
    if (unrecorded.isEmpty())
        return;
    const QHash<QString, QList<DerivedCheck>> checks = presenceChecks(catalog, unrecorded);
    QHash<QString, PresenceEvidence> evidence;
    if (!probePresence(session.connection, checks, &evidence).ok())
        return;
    // A verify script is asked only where the migration before it is in the database (recorded,
    // or found there): by hand, as by the engine, migrations are run in order, and a script that
    // passes where its migration had nothing to do (no pg_cron, say) proves nothing on its own.
    const auto allPass = [](const PresenceEvidence &e) {
        return !e.checks.isEmpty() && std::all_of(e.checks.begin(), e.checks.end(), [](const CheckResult &c) { return c.passed; });
    };
    int asked = 0;
    bool previousThere = true;
    for (const MigrationStatusRow &row : *rows) {
        if (row.state == MigrationState::Skipped || !row.hasFile)
            continue;
        const bool candidate = unrecorded.contains(row.version);
        if (candidate && !checks.contains(row.version) && previousThere && asked < kVerifyScriptsAsked) {
            const MigrationFile *file = catalog.find(row.version);
            if (file->verify.exists()) {
                ++asked;
                evidence.insert(row.version, {MigrationVerifier(session).verifyScriptQuietly(*file), true});
            }
        }
        previousThere = row.recorded || (candidate && allPass(evidence.value(row.version)));
    }
    applyPresence(rows, evidence);
}
