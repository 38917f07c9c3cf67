#include "db/migrate/MigrationVerifier.h"

#include "core/sql/DerivedChecks.h"
#include "core/sql/SqlScript.h"
#include "db/SqlResource.h"
#include "db/migrate/AuditTrail.h"
#include "db/migrate/EngineSession.h"
#include "db/migrate/HistoryWriter.h"
#include "db/pg/PgConnection.h"

#include <QElapsedTimer>

namespace {

const QString kSavepoint = QStringLiteral("atlas_verify");

// The question of a derived check, and its parameters (schema, table, object; NULL where the
// question does not take one).
QString derivedCheckQuery(const DerivedCheck &check, PgConnection &connection, QStringList *params)
{
    using Kind = DerivedCheck::Kind;
    *params = {check.schema, check.table, check.object};
    switch (check.kind) {
    case Kind::TableExists:
    case Kind::ViewExists: return sqlResource(QStringLiteral("verify/table_exists"));
    case Kind::ColumnExists: return sqlResource(QStringLiteral("verify/column_exists"));
    case Kind::IndexExists: return sqlResource(QStringLiteral("verify/index_exists"));
    case Kind::PolicyExists: return sqlResource(QStringLiteral("verify/policy_exists"));
    case Kind::FunctionExists:
        (*params)[1] = QString();
        return sqlResource(QStringLiteral("verify/function_exists"));
    case Kind::TriggerExists: return sqlResource(QStringLiteral("verify/trigger_exists"));
    case Kind::RowLevelSecurityEnabled:
        (*params)[2] = QString();
        return sqlResource(QStringLiteral("verify/rls_enabled"));
    case Kind::RowsReadable:
        params->clear();
        return sqlResource(QStringLiteral("verify/rows_readable"),
                           {{QStringLiteral("relation"),
                             connection.quoteIdentifier(check.schema) + QLatin1Char('.') + connection.quoteIdentifier(check.table)}});
    }
    return QString();
}

}  // namespace

MigrationVerifier::MigrationVerifier(EngineSession &session)
    : m_session(session)
{
}

RunReport MigrationVerifier::verify(const MigrationFile &migration)
{
    QElapsedTimer clock;
    clock.start();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    RunReport report;
    report.version = migration.version;
    report.name = migration.name;
    report.direction = RunDirection::Verify;
    {
        Transaction transaction(m_session.connection);
        const PgResult begun = m_session.begin(transaction, Transaction::Access::ReadOnly);
        if (!begun.ok()) {
            report.message = QStringLiteral("could not start the verify transaction: %1").arg(begun.error().toString());
            return report;
        }
        report.checks = migration.verify.exists() ? runVerifyScript(migration, transaction, &report)
                                                  : runDerivedChecks(migration, transaction, &report);
    }
    report.durationMs = clock.elapsed();
    if (!report.message.isEmpty() && report.checks.isEmpty())
        return report;  // the script could not run at all

    if (report.checks.isEmpty()) {
        report.ok = true;
        report.skipped = true;
        report.message = QStringLiteral("%1: nothing to verify: it has no verify script and creates nothing a check "
                                        "can be derived from").arg(migration.displayName());
        report.warnings.append(QStringLiteral("write %1.verify.sql to check what this migration changes").arg(migration.displayName()));
        return report;
    }
    report.ok = report.failedChecks() == 0;
    report.message = QStringLiteral("%1: %2 of %3 checks passed%4")
                         .arg(migration.displayName())
                         .arg(report.checks.size() - report.failedChecks())
                         .arg(report.checks.size())
                         .arg(migration.verify.exists() ? QString() : QStringLiteral(" (derived from the up file)"));
    audit(migration, startedAt, &report);
    return report;
}

QList<CheckResult> MigrationVerifier::verifyScriptQuietly(const MigrationFile &migration)
{
    if (!migration.verify.exists())
        return {};
    Transaction transaction(m_session.connection);
    if (!m_session.begin(transaction, Transaction::Access::ReadOnly).ok())
        return {};
    RunReport ignored;
    return runVerifyScript(migration, transaction, &ignored);
}

void MigrationVerifier::audit(const MigrationFile &migration, const QDateTime &startedAt, RunReport *report)
{
    // Verification is an action worth remembering; a read-only connection simply skips the record.
    Transaction transaction(m_session.connection);
    PgResult setup = transaction.begin();
    if (setup.ok())
        setup = HistoryWriter::createTables(m_session.connection);
    if (!setup.ok()) {
        report->warnings.append(QStringLiteral("the audit row was not written: %1").arg(setup.error().toString()));
        return;
    }
    const MigrationScript &script = migration.verify.exists() ? migration.verify : migration.up;
    AuditTrail::writeInside(m_session.connection, transaction,
                            AuditTrail::attemptOf(migration, script, *report, m_session.options.actor, startedAt), report);
    transaction.commit();
}

QList<CheckResult> MigrationVerifier::runVerifyScript(const MigrationFile &migration, Transaction &transaction, RunReport *report)
{
    QList<CheckResult> checks;
    const MigrationScript &script = migration.verify;
    const SqlScript &parsed = script.parsed();
    if (!parsed.isValid()) {
        report->message = parsed.syntaxError->located(script.fileName());
        return checks;
    }
    for (const SqlStatement &statement : parsed.statements) {
        if (statement.controlsTransaction) {
            // COMMIT would end the read-only transaction and let the rest of the script write.
            report->message = QStringLiteral("%1:%2:%3: a verify script must not control the transaction (%4)")
                                  .arg(script.fileName())
                                  .arg(statement.line)
                                  .arg(statement.column)
                                  .arg(statement.kind);
            return {};
        }
    }
    PgConnection &connection = m_session.connection;
    for (int i = 0; i < parsed.statements.size(); ++i) {
        const SqlStatement &statement = parsed.statements.at(i);
        const QString where = QStringLiteral("%1:%2").arg(script.fileName()).arg(statement.line);
        bool ended = false;
        const PgResult result = transaction.underSavepoint(kSavepoint, [&] {
            PgResult r = connection.exec(statement.text);
            ended = !connection.inTransaction();
            return r;
        });
        if (ended) {
            report->message = QStringLiteral("%1: statement %2 ended the read-only transaction; verification stopped")
                                  .arg(where)
                                  .arg(i + 1);
            return {};
        }
        if (!result.ok()) {
            checks.append({QStringLiteral("%1: statement %2 runs").arg(where).arg(i + 1), false, result.error().toString()});
            continue;
        }
        if (result.columnCount() == 0)
            continue;  // SET and the like
        const int name = result.columnIndex(QStringLiteral("check_name"));
        const int passed = result.columnIndex(QStringLiteral("passed"));
        const int detail = result.columnIndex(QStringLiteral("detail"));
        if (name < 0 || passed < 0) {
            checks.append({QStringLiteral("%1: statement %2 returns checks").arg(where).arg(i + 1), false,
                           QStringLiteral("a verify query must return the columns check_name, passed (and detail)")});
            continue;
        }
        for (int r = 0; r < result.rowCount(); ++r)
            checks.append({result.value(r, name), result.value(r, passed) == QLatin1String("t"),
                           detail >= 0 ? result.value(r, detail) : QString()});
    }
    return checks;
}

QList<CheckResult> MigrationVerifier::runDerivedChecks(const MigrationFile &migration, Transaction &transaction,
                                                       RunReport *report)
{
    QList<CheckResult> checks;
    const SqlScript &parsed = migration.up.parsed();
    if (!parsed.isValid()) {
        report->message = parsed.syntaxError->located(migration.up.fileName());
        return checks;
    }
    PgConnection &connection = m_session.connection;
    for (const DerivedCheck &check : deriveChecks(parsed)) {
        QStringList params;
        const QString sql = derivedCheckQuery(check, connection, &params);
        const PgResult result = transaction.underSavepoint(kSavepoint, [&] {
            return params.isEmpty() ? connection.exec(sql) : connection.execParams(sql, params);
        });
        if (!result.ok())
            checks.append({check.name, false, result.error().toString()});
        else if (check.kind == DerivedCheck::Kind::RowsReadable)
            checks.append({check.name, true, QStringLiteral("%1 sample rows read").arg(result.value(0, 0))});
        else
            checks.append({check.name, result.value(0, 0) == QLatin1String("t"), QString()});
    }
    return checks;
}
