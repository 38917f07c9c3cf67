#include "core/lint/LintCatalogue.h"

#include <algorithm>

const QList<LintRule> &lintRules()
{
    static const QList<LintRule> rules = lockAndTypeRules() + securityDataAndScriptRules();
    return rules;
}

const LintRule *findLintRule(const QString &name)
{
    const QList<LintRule> &rules = lintRules();
    const auto found = std::find_if(rules.cbegin(), rules.cend(), [&](const LintRule &rule) { return rule.name == name; });
    return found == rules.cend() ? nullptr : &*found;
}

QString lintExampleFileName()
{
    return QStringLiteral("20250918000000_example.sql");
}

QString lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Off: return QStringLiteral("off");
    case LintSeverity::Info: return QStringLiteral("info");
    case LintSeverity::Warning: return QStringLiteral("warning");
    case LintSeverity::Error: return QStringLiteral("error");
    }
    return QString();
}

bool parseLintSeverity(const QString &name, LintSeverity *severity)
{
    for (LintSeverity candidate : {LintSeverity::Off, LintSeverity::Info, LintSeverity::Warning, LintSeverity::Error}) {
        if (lintSeverityName(candidate) == name) {
            *severity = candidate;
            return true;
        }
    }
    return false;
}

QString LintFinding::located() const
{
    return QStringLiteral("%1:%2:%3: %4[%5] %6").arg(file).arg(line).arg(column).arg(lintSeverityName(severity), rule, message);
}

LintSeverity LintResult::worst() const
{
    LintSeverity worst = LintSeverity::Off;
    for (const LintFinding &finding : findings)
        worst = std::max(worst, finding.severity);
    return worst;
}
