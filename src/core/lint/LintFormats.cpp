#include "core/lint/LintFormats.h"

#include "core/lint/LintRule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace LintFormats {

QJsonObject findingJson(const LintFinding &finding)
{
    return QJsonObject{{"rule", finding.rule},
                       {"severity", lintSeverityName(finding.severity)},
                       {"file", finding.file},
                       {"line", finding.line},
                       {"column", finding.column},
                       {"statement_line", finding.statementLine},
                       {"statement", finding.statement},
                       {"message", finding.message},
                       {"why", finding.why},
                       {"fix", finding.fix}};
}

}  // namespace LintFormats

namespace {

// GitHub's workflow commands: data escapes %, CR and LF; properties also ':' and ','.
QString escapeData(QString text)
{
    return text.replace(QLatin1Char('%'), QLatin1String("%25")).replace(QLatin1Char('\r'), QLatin1String("%0D")).replace(QLatin1Char('\n'), QLatin1String("%0A"));
}

QString escapeProperty(const QString &text)
{
    return escapeData(text).replace(QLatin1Char(':'), QLatin1String("%3A")).replace(QLatin1Char(','), QLatin1String("%2C"));
}

QString sarifLevel(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Error: return QStringLiteral("error");
    case LintSeverity::Warning: return QStringLiteral("warning");
    case LintSeverity::Info: return QStringLiteral("note");
    case LintSeverity::Off: return QStringLiteral("none");
    }
    return QString();
}

}  // namespace

namespace LintFormats {

QByteArray json(const QList<LintResult> &results, bool ok)
{
    QJsonArray files;
    QJsonArray findings;
    int counts[4] = {0, 0, 0, 0};
    for (const LintResult &result : results) {
        QJsonObject file{{"file", result.file}, {"statements", result.statements}, {"parsed", result.parsed}};
        if (!result.parsed)
            file.insert("syntax_error", result.syntaxError);
        files.append(file);
        for (const LintFinding &finding : result.findings) {
            findings.append(findingJson(finding));
            ++counts[int(finding.severity)];
        }
    }
    const QJsonObject summary{{"errors", counts[int(LintSeverity::Error)]},
                              {"warnings", counts[int(LintSeverity::Warning)]},
                              {"infos", counts[int(LintSeverity::Info)]}};
    return QJsonDocument(QJsonObject{{"files", files}, {"findings", findings}, {"summary", summary}, {"ok", ok}})
        .toJson(QJsonDocument::Indented);
}

QString github(const QList<LintResult> &results)
{
    QString out;
    for (const LintResult &result : results) {
        if (!result.parsed) {
            const QStringList parts = result.syntaxError.split(QLatin1Char(':'));
            out += QStringLiteral("::error file=%1,line=%2,col=%3,title=syntax error::%4\n")
                       .arg(escapeProperty(result.file), parts.value(1), parts.value(2), escapeData(result.syntaxError));
        }
        for (const LintFinding &finding : result.findings) {
            const QString command = finding.severity == LintSeverity::Error ? QStringLiteral("error")
                : finding.severity == LintSeverity::Warning                 ? QStringLiteral("warning")
                                                                            : QStringLiteral("notice");
            out += QStringLiteral("::%1 file=%2,line=%3,col=%4,title=%5::%6\n")
                       .arg(command, escapeProperty(finding.file))
                       .arg(finding.line)
                       .arg(finding.column)
                       .arg(escapeProperty(finding.rule),
                            escapeData(finding.message + QStringLiteral("\n") + finding.why + QStringLiteral("\nFix: ") + finding.fix));
        }
    }
    return out;
}

QByteArray sarif(const QList<LintResult> &results, const QString &version)
{
    QJsonArray rules;
    QHash<QString, int> ruleIndex;
    for (const LintRule &rule : lintRules()) {
        ruleIndex.insert(rule.name, int(rules.size()));
        rules.append(QJsonObject{{"id", rule.name},
                                 {"name", rule.name},
                                 {"shortDescription", QJsonObject{{"text", rule.summary}}},
                                 {"fullDescription", QJsonObject{{"text", rule.why}}},
                                 {"help", QJsonObject{{"text", rule.fix}}},
                                 {"defaultConfiguration", QJsonObject{{"level", sarifLevel(rule.severity)}}},
                                 {"properties", QJsonObject{{"category", rule.category}, {"origin", rule.origin}}}});
    }
    QJsonArray found;
    QJsonArray notifications;
    for (const LintResult &result : results) {
        if (!result.parsed)
            notifications.append(QJsonObject{{"level", "error"}, {"message", QJsonObject{{"text", result.syntaxError}}}});
        for (const LintFinding &finding : result.findings) {
            const QJsonObject region{{"startLine", finding.line}, {"startColumn", finding.column}};
            const QJsonObject location{
                {"physicalLocation", QJsonObject{{"artifactLocation", QJsonObject{{"uri", finding.file}}}, {"region", region}}}};
            found.append(QJsonObject{{"ruleId", finding.rule},
                                     {"ruleIndex", ruleIndex.value(finding.rule)},
                                     {"level", sarifLevel(finding.severity)},
                                     {"message", QJsonObject{{"text", finding.message + QStringLiteral(". ") + finding.why + QStringLiteral(" Fix: ") + finding.fix}}},
                                     {"locations", QJsonArray{location}}});
        }
    }
    QJsonObject run{{"tool", QJsonObject{{"driver", QJsonObject{{"name", "atlas-migrate lint"}, {"version", version}, {"rules", rules}}}}},
                    {"results", found}};
    if (!notifications.isEmpty())
        run.insert("invocations", QJsonArray{QJsonObject{{"executionSuccessful", false}, {"toolExecutionNotifications", notifications}}});
    return QJsonDocument(QJsonObject{{"version", "2.1.0"}, {"runs", QJsonArray{run}}}).toJson(QJsonDocument::Indented);
}

QString catalogueMarkdown()
{
    QString out = QStringLiteral(
        "# Migration lint rules\n\n"
        "<!-- Written by `atlas-migrate lint --rules --format markdown`; tst_lint checks that it matches the catalogue. -->\n\n"
        "`atlas-migrate lint [FILE...]` reads migrations with PostgreSQL's own parser and no database, and reports what "
        "each statement risks. The console shows the same findings in a migration's Statements tab and `plan` prints them "
        "before the dry run.\n\n"
        "- Exit 0 when no finding is an error, 1 when one is (`--strict`: a warning too), 2 for usage errors and files that "
        "cannot be read or parsed.\n"
        "- `--format text|json|github|sarif`; `--rule NAME=off|info|warning|error` changes a rule's severity.\n"
        "- `-- atlas:ignore RULE[,RULE] reason` on the lines before a statement silences those rules for it; "
        "`-- atlas:ignore-file RULE[,RULE] reason` for the whole file. An ignore that silences nothing is reported "
        "(`unused-ignore`).\n"
        "- Rules marked *graded by size* say info for a table under 10,000 rows and error for one of 1,000,000 rows or 1 GB "
        "when a database is connected (the console, `plan`); offline they keep their severity.\n"
        "- Rules from Squawk carry Squawk's names; the security rules carry the names of Supabase's database advisors "
        "(with dashes).\n\n| Rule | Severity | Category | From |\n|---|---|---|---|\n");
    for (const LintRule &rule : lintRules())
        out += QStringLiteral("| [`%1`](#%1) | %2 | %3 | %4 |\n").arg(rule.name, lintSeverityName(rule.severity), rule.category, rule.origin);
    for (const LintRule &rule : lintRules()) {
        out += QStringLiteral("\n## %1\n\n%2. Severity: **%3**%4.\n\n**Why.** %5\n\n**Fix.** %6\n\nFlagged:\n\n```sql\n%7\n```\n\n"
                              "Clean:\n\n```sql\n%8\n```\n")
                   .arg(rule.name, rule.summary.left(1).toUpper() + rule.summary.mid(1), lintSeverityName(rule.severity),
                        rule.sizeGraded ? QStringLiteral(", graded by size") : QString(), rule.why, rule.fix, rule.flagged, rule.clean);
    }
    return out;
}

}  // namespace LintFormats
