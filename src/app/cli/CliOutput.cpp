#include "app/cli/CliOutput.h"

#include "core/lint/Linter.h"
#include "core/sql/SqlScript.h"
#include "core/text/TextTable.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

const char *stateColour(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return "32";
    case MigrationState::Pending: return "36";
    case MigrationState::Modified:
    case MigrationState::OutOfOrder:
    case MigrationState::PartlyPresent: return "33";
    case MigrationState::PresentNotRecorded: return "35";
    case MigrationState::MissingFile:
    case MigrationState::Failed: return "31";
    case MigrationState::Unknown:
    case MigrationState::Skipped: return "";
    }
    return "";
}

// UTC, formatted by hand: the same in every terminal and CI log, and a time-zone conversion plus
// QDateTime::toString per row cost more than the rest of status.
QString appliedWhen(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    const auto two = [](int n) { return QString::number(n).rightJustified(2, QLatin1Char('0')); };
    return QString::number(d.year()) + QLatin1Char('-') + two(d.month()) + QLatin1Char('-') + two(d.day()) + QLatin1Char(' ')
        + two(t.hour()) + QLatin1Char(':') + two(t.minute()) + QStringLiteral("Z");
}

}  // namespace

CliOutput::CliOutput(QTextStream &out, QTextStream &err, bool colour, bool json, QString program)
    : m_out(out)
    , m_err(err)
    , m_colour(colour)
    , m_json(json)
    , m_program(std::move(program))
{
}

QString CliOutput::paint(const QString &text, const char *code) const
{
    return m_colour ? QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text) : text;
}

int CliOutput::fail(int code, const QString &message)
{
    if (m_json)
        m_out << QJsonDocument(QJsonObject{{"ok", false}, {"exit_code", code}, {"error", message}}).toJson();
    say(message);
    return code;
}

void CliOutput::say(const QString &message)
{
    m_err << m_program << ": " << message << Qt::endl;
}

void CliOutput::printIssues(const MigrationCatalog &catalog)
{
    for (const CatalogIssue &issue : catalog.issues)
        m_err << catalog.folder << QLatin1Char('/') << issue.toString() << Qt::endl;
}

void CliOutput::printStatus(const QList<MigrationStatusRow> &rows)
{
    TextTable table({QStringLiteral("VERSION"), QStringLiteral("NAME"), QStringLiteral("STATE"), QStringLiteral("APPLIED"),
                     QStringLiteral("DETAIL")});
    for (const MigrationStatusRow &row : rows) {
        const QString applied = row.appliedAt ? appliedWhen(*row.appliedAt) + QLatin1Char(' ') + row.appliedBy : QString();
        table.addRow({row.version, row.name, migrationStateName(row.state), applied, row.detail},
                     {QString(), QString(), QLatin1String(stateColour(row.state))});
    }
    m_out << table.render(m_colour);
}

void CliOutput::printLocks(const SqlScript &parsed, const RelationSizeMap &sizes)
{
    QStringList lines;
    for (const SqlStatement &s : parsed.statements) {
        for (const LockEffect &l : s.locks) {
            if (l.newHere)
                continue;  // created by this migration: nobody waits for it
            const RelationSize size = sizes.value(l.relation);
            QString line = QStringLiteral("  line %1: %2 on %3 (%4)").arg(s.line).arg(l.mode, l.relation, l.what);
            QStringList notes;
            if (l.rewrites)
                notes << QStringLiteral("rewrites the table");
            if (l.scans)
                notes << QStringLiteral("reads every row");
            if (size.bytes >= 0)
                notes << (size.estimatedRows >= 0 ? QStringLiteral("%1, ~%2 rows").arg(size.pretty).arg(size.estimatedRows)
                                                  : QStringLiteral("%1, rows not yet estimated (no ANALYZE)").arg(size.pretty));
            if (!notes.isEmpty())
                line += QStringLiteral(": ") + notes.join(QStringLiteral(", "));
            if (!l.saferForm.isEmpty())
                line += QStringLiteral("\n      safer: ") + l.saferForm;
            lines << line;
        }
    }
    if (!lines.isEmpty())
        m_out << QStringLiteral("Locks (lock_timeout applies to each):\n") << lines.join(QLatin1Char('\n')) << '\n';
}

void CliOutput::printFindings(const MigrationScript &script, const RelationSizeMap &sizes)
{
    const LintResult lint = lintMigrationScript(script, sizes);
    if (lint.findings.isEmpty())
        return;
    // Every statement's, also those after one that fails in the dry run.
    m_out << QStringLiteral("Lint findings (%1; docs/lint.md):\n").arg(lint.findings.size());
    for (const LintFinding &finding : lint.findings) {
        const char *code = finding.severity == LintSeverity::Error ? "31" : finding.severity == LintSeverity::Warning ? "33" : "36";
        m_out << QStringLiteral("  %1:%2 ").arg(finding.line).arg(finding.column)
              << paint(QStringLiteral("%1[%2]").arg(lintSeverityName(finding.severity), finding.rule), code) << ' ' << finding.message << '\n';
    }
}

void CliOutput::printReport(const RunReport &report, const MigrationFile *file, const RelationSizeMap &sizes)
{
    if (report.dryRun && !report.version.isEmpty()) {
        const QString title = report.version + QLatin1Char('_') + report.name;
        m_out << paint(QStringLiteral("== %1 (%2, dry run: rolled back) ==").arg(title, directionName(report.direction)), "1") << '\n';
        static const SqlScript kNone;
        const SqlScript &parsed = !file ? kNone : (report.direction == RunDirection::Down ? file->down.parsed() : file->up.parsed());
        TextTable table({QStringLiteral("#"), QStringLiteral("LINE"), QStringLiteral("STATEMENT"), QStringLiteral("ROWS"),
                         QStringLiteral("RISK")});
        for (const StatementReport &s : report.statements) {
            const SqlStatement *st = s.index < parsed.statements.size() ? &parsed.statements.at(s.index) : nullptr;
            QStringList reasons;
            if (st) {
                for (const StatementRisk &r : st->risks)
                    reasons << riskLevelName(r.level) + QStringLiteral(": ") + r.reason;
            }
            const RiskLevel level = st ? st->riskLevel() : RiskLevel::None;
            table.addRow({QString::number(s.index + 1), QString::number(s.line), s.commandTag.isEmpty() ? s.kind : s.commandTag,
                          s.affectedRows >= 0 ? QString::number(s.affectedRows) : QString(), reasons.join(QStringLiteral("; "))},
                         {QString(), QString(), QString(), QString(),
                          level == RiskLevel::Destructive ? QStringLiteral("31")
                                                          : (level == RiskLevel::Caution ? QStringLiteral("33") : QString())});
        }
        m_out << table.render(m_colour);
        if (file)
            printFindings(report.direction == RunDirection::Down ? file->down : file->up, sizes);
        printLocks(parsed, sizes);
        if (!report.schemaChanges.isEmpty()) {
            m_out << QStringLiteral("Schema changes (%1):\n").arg(report.schemaChanges.size());
            for (const SchemaChange &c : report.schemaChanges) {
                const char *code = c.type == SchemaChange::Type::Dropped ? "31" : (c.type == SchemaChange::Type::Changed ? "33" : "32");
                m_out << "  " << paint(schemaChangeTypeName(c.type).leftJustified(8), code) << c.kind.leftJustified(11) << c.name << '\n';
            }
        }
    }
    if (report.direction == RunDirection::Verify) {
        for (const CheckResult &check : report.checks) {
            m_out << (check.passed ? paint(QStringLiteral("  pass  "), "32") : paint(QStringLiteral("  FAIL  "), "31")) << check.name;
            if (!check.detail.isEmpty())
                m_out << "  (" << check.detail << ')';
            m_out << '\n';
        }
    }
    for (const QString &warning : report.warnings)
        m_err << paint(QStringLiteral("warning: "), "33") << warning << Qt::endl;
    if (report.ok)
        m_out << (report.skipped ? QString() : paint(QStringLiteral("ok: "), "32")) << report.message << Qt::endl;
    else
        m_err << paint(report.cancelled ? QStringLiteral("cancelled: ") : QStringLiteral("error: "), "31") << report.message << Qt::endl;
    m_out.flush();
}
