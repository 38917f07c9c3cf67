#include "app/cli/ReportJson.h"

namespace ReportJson {

QJsonObject fromReport(const RunReport &report)
{
    QJsonArray statements;
    for (const StatementReport &s : report.statements) {
        statements.append(QJsonObject{{"index", s.index + 1}, {"line", s.line}, {"kind", s.kind},
                                      {"command_tag", s.commandTag}, {"affected_rows", double(s.affectedRows)},
                                      {"duration_ms", double(s.durationMs)},
                                      {"notices", QJsonArray::fromStringList(s.notices)}});
    }
    QJsonArray changes;
    for (const SchemaChange &c : report.schemaChanges) {
        changes.append(QJsonObject{{"change", schemaChangeTypeName(c.type)}, {"kind", c.kind}, {"name", c.name},
                                   {"before", c.before}, {"after", c.after}});
    }
    QJsonArray checks;
    for (const CheckResult &c : report.checks)
        checks.append(QJsonObject{{"name", c.name}, {"passed", c.passed}, {"detail", c.detail}});
    QJsonObject json{{"version", report.version},
                     {"name", report.name},
                     {"direction", directionName(report.direction)},
                     {"dry_run", report.dryRun},
                     {"ok", report.ok},
                     {"skipped", report.skipped},
                     {"cancelled", report.cancelled},
                     {"message", report.message},
                     {"duration_ms", double(report.durationMs)},
                     {"statements", statements},
                     {"notices", QJsonArray::fromStringList(report.notices)},
                     {"warnings", QJsonArray::fromStringList(report.warnings)}};
    if (!report.lockRetries.isEmpty()) {
        QJsonArray retries;
        for (const LockRetry &retry : report.lockRetries)
            retries.append(QJsonObject{{"attempt", retry.attempt}, {"statement", retry.statement}, {"held_by", retry.heldBy},
                                       {"pause_ms", double(retry.pauseMs)}});
        json.insert("lock_retries", retries);
    }
    if (report.preflightFailed)
        json.insert("preflight_failed", true);
    if (report.presentUnrecorded)
        json.insert("present_not_recorded", true);
    if (report.failedStatement >= 0)
        json.insert("failed_statement", report.failedStatement + 1);
    if (report.error.isError())
        json.insert("error", QJsonObject{{"sqlstate", report.error.sqlState}, {"message", report.error.message},
                                         {"detail", report.error.detail}, {"hint", report.error.hint}});
    if (report.dryRun)
        json.insert("schema_changes", changes);
    if (report.direction == RunDirection::Verify)
        json.insert("checks", checks);
    return json;
}

QJsonObject fromStatusRow(const MigrationStatusRow &row)
{
    QJsonObject json{{"version", row.version}, {"name", row.name}, {"state", migrationStateName(row.state)},
                     {"detail", row.detail}, {"has_file", row.hasFile}, {"has_down", row.hasDown},
                     {"has_verify", row.hasVerify}};
    if (row.appliedAt) {
        json.insert("applied_at", row.appliedAt->toUTC().toString(Qt::ISODateWithMs));
        json.insert("applied_by", row.appliedBy);
    }
    return json;
}

QJsonArray fromIssues(const QList<CatalogIssue> &issues)
{
    QJsonArray array;
    for (const CatalogIssue &i : issues) {
        array.append(QJsonObject{{"severity", i.severity == CatalogIssue::Severity::Error ? "error" : "warning"},
                                 {"file", i.file}, {"line", i.line}, {"column", i.column}, {"message", i.message},
                                 {"text", i.toString()}});
    }
    return array;
}

}  // namespace ReportJson
