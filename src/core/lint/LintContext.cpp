#include "core/lint/LintContext.h"

#include "core/catalog/MigrationFile.h"
#include "core/lint/LintRule.h"
#include "core/text/Utf8Check.h"

LintContext::LintContext(const LintFile &file, const LintOptions &options, const QByteArray &bytes)
    : m_file(file)
    , m_options(options)
    , m_bytes(bytes)
    , m_atomic(!MigrationScript(file.name, file.name, file.sql).runsOutsideTransaction())
{
}

void LintContext::report(const char *rule, const LintStatement &statement, const QString &message, qsizetype location,
                         const QString &table, bool escalated)
{
    const LintRule *known = findLintRule(QLatin1String(rule));
    Q_ASSERT(known);
    if (!known)
        return;
    LintFinding finding;
    finding.rule = known->name;
    finding.severity = escalated ? LintSeverity::Error : known->severity;
    finding.file = m_file.name;
    finding.statementLine = statement.parsed->line;
    if (location >= 0 && location < m_bytes.size()) {
        lineAndColumnAt(m_bytes, location, &finding.line, &finding.column);
    } else {
        finding.line = statement.parsed->line;
        finding.column = statement.parsed->column;
    }
    finding.statement = statement.parsed->text;
    finding.message = message;
    finding.why = known->why;
    finding.fix = known->fix;
    finding.table = table;
    finding.statementIndex = statement.index;
    m_findings.append(finding);
}

QString LintContext::key(const QJsonObject &rangeVar)
{
    const QString schema = rangeVar.value(QLatin1String("schemaname")).toString();
    return (schema.isEmpty() ? QStringLiteral("public") : schema) + QLatin1Char('.')
        + rangeVar.value(QLatin1String("relname")).toString();
}
