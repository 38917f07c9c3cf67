#include "core/sqleditor/StatementWarnings.h"

#include "core/lint/Linter.h"
#include "core/sql/SqlScript.h"

StatementWarnings statementWarnings(const EditorUnit &unit)
{
    StatementWarnings warnings;
    LintFile file;
    file.name = QStringLiteral("line %1").arg(unit.line);
    file.sql = unit.text;
    for (const LintFinding &finding : lintFile(file).findings) {
        if (finding.rule == QLatin1String("prefer-set-local") || finding.rule == QLatin1String("transaction-nesting"))
            continue;  // an editor session is not a migration
        warnings.lines.append(QStringLiteral("line %1: %2[%3] %4").arg(unit.line).arg(lintSeverityName(finding.severity), finding.rule, finding.message));
        warnings.destructive = warnings.destructive || finding.severity == LintSeverity::Error;
    }
    const SqlScript parsed = parseSqlScript(unit.text);
    warnings.destructive = warnings.destructive || (parsed.isValid() && parsed.riskLevel() == RiskLevel::Destructive);
    return warnings;
}
