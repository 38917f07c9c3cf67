#include "app/cli/LintVerb.h"

#include "app/cli/CliOptions.h"
#include "app/cli/CliOutput.h"
#include "app/cli/ExitCode.h"
#include "core/catalog/MigrationCatalog.h"
#include "core/catalog/NewMigration.h"
#include "core/lint/LintFormats.h"
#include "core/lint/LintRule.h"
#include "core/lint/Linter.h"
#include "core/text/Utf8Check.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

// Reads a file the user named, or says what is wrong with it, located.
bool readSql(const QString &path, QString *sql, QString *problem)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("%1: cannot read: %2").arg(path, QFileInfo::exists(path) ? file.errorString() : QStringLiteral("no such file"));
        return false;
    }
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const qsizetype invalid = firstInvalidUtf8Byte(bytes);
    if (invalid >= 0) {
        int line = 0;
        int column = 0;
        lineAndColumnAt(bytes, invalid, &line, &column);
        *problem = QStringLiteral("%1:%2:%3: not valid UTF-8 (byte 0x%4)").arg(path).arg(line).arg(column)
                       .arg(quint8(bytes.at(invalid)), 2, 16, QLatin1Char('0'));
        return false;
    }
    *sql = QString::fromUtf8(bytes);
    return true;
}

// The down file beside a migration the user named: X.down.sql, or down/X.sql.
void findDown(const QString &path, LintFile *file)
{
    const QFileInfo info(path);
    if (info.fileName().endsWith(QLatin1String(".down.sql")) || info.fileName().endsWith(QLatin1String(".verify.sql")))
        return;
    const QString base = info.completeBaseName();
    for (const QString &candidate : {info.dir().filePath(base + QStringLiteral(".down.sql")), info.dir().filePath(QStringLiteral("down/") + info.fileName())}) {
        QString problem;
        if (QFileInfo(candidate).isFile() && readSql(candidate, &file->downSql, &problem)) {
            file->hasDown = true;
            return;
        }
    }
}

QString painted(const CliOutput &output, LintSeverity severity)
{
    const char *colour = severity == LintSeverity::Error ? "31;1" : severity == LintSeverity::Warning ? "33;1" : "36";
    return output.paint(lintSeverityName(severity), colour);
}

void printText(CliOutput &output, const QList<LintResult> &results)
{
    int counts[4] = {0, 0, 0, 0};
    int statements = 0;
    for (const LintResult &result : results) {
        statements += result.statements;
        for (const LintFinding &finding : result.findings) {
            ++counts[int(finding.severity)];
            output.out() << QStringLiteral("%1:%2:%3: %4[%5] %6\n").arg(finding.file).arg(finding.line).arg(finding.column)
                                .arg(painted(output, finding.severity), output.paint(finding.rule, "1"), finding.message);
            const QString first = finding.statement.section(QLatin1Char('\n'), 0, 0);
            if (!first.isEmpty())
                output.out() << QStringLiteral("  %1 | %2%3\n").arg(finding.statementLine, 4).arg(first.left(120),
                                                                                            first.size() > 120 || finding.statement.contains(QLatin1Char('\n')) ? QStringLiteral(" ...") : QString());
            output.out() << QStringLiteral("  why: %1\n  fix: %2\n\n").arg(finding.why, finding.fix);
        }
    }
    output.out() << QStringLiteral("%1 file(s), %2 statement(s): %3 error(s), %4 warning(s), %5 info\n")
                        .arg(results.size()).arg(statements).arg(counts[int(LintSeverity::Error)]).arg(counts[int(LintSeverity::Warning)])
                        .arg(counts[int(LintSeverity::Info)]);
}

void printRules(CliOutput &output, const QString &format)
{
    if (format == QLatin1String("markdown")) {
        output.out() << LintFormats::catalogueMarkdown();
        return;
    }
    for (const LintRule &rule : lintRules())
        output.out() << QStringLiteral("%1  %2  %3\n").arg(rule.name, -46).arg(lintSeverityName(rule.severity), -7).arg(rule.summary);
}

// For a down file at the top level of a folder: only the rule about where it sits.
LintOptions placementOnly(const LintOptions &options)
{
    LintOptions placement = options;
    const QString rule = QStringLiteral("down-file-in-cli-folder");
    for (const LintRule &each : lintRules()) {
        if (each.name != rule)
            placement.severities.insert(each.name, LintSeverity::Off);
    }
    return placement;
}

}  // namespace

int CliVerbs::lint(const CliOptions &options, CliOutput &output, const QString &folder)
{
    if (options.listRules) {
        printRules(output, options.format);
        return ExitCode::Ok;
    }
    LintOptions lintOptions;
    for (const QString &setting : options.ruleSettings) {
        const QString name = setting.section(QLatin1Char('='), 0, 0);
        LintSeverity severity = LintSeverity::Off;
        if (!setting.contains(QLatin1Char('=')) || !parseLintSeverity(setting.section(QLatin1Char('='), 1), &severity))
            return output.fail(ExitCode::Usage, QStringLiteral("--rule takes NAME=off|info|warning|error, not \"%1\"").arg(setting));
        if (!findLintRule(name))
            return output.fail(ExitCode::Usage, QStringLiteral("--rule %1: no rule is called \"%2\" (atlas-migrate lint --rules lists them)").arg(setting, name));
        lintOptions.severities.insert(name, severity);
    }

    QList<LintFile> files;
    QStringList problems;
    if (!options.files.isEmpty()) {
        for (const QString &path : options.files) {
            LintFile file;
            file.name = path;
            QString problem;
            if (!readSql(path, &file.sql, &problem)) {
                problems << problem;
                continue;
            }
            findDown(path, &file);
            files.append(file);
        }
    } else {
        const MigrationCatalog catalog = scanMigrationFolder(folder);
        const bool cliFolder = isSupabaseCliFolder(folder);
        for (const CatalogIssue &issue : catalog.errors())
            problems << QDir(folder).filePath(issue.toString());
        for (const MigrationFile &migration : catalog.migrations) {
            if (!migration.up.exists() || migration.up.sql().isEmpty())
                continue;
            LintFile file{QDir(folder).filePath(migration.up.fileName()), migration.up.sql(), migration.down.exists(), migration.down.sql(), false};
            files.append(file);
            // A down file at the top level of a Supabase CLI folder is read for where it sits only:
            // its DROPs are its purpose.
            if (cliFolder && migration.down.exists() && !migration.down.fileName().contains(QLatin1Char('/')))
                files.append(LintFile{QDir(folder).filePath(migration.down.fileName()), migration.down.sql(), false, QString(), true});
        }
    }

    QList<LintResult> results;
    for (const LintFile &file : std::as_const(files)) {
        results.append(lintFile(file, file.topLevelDownFile ? placementOnly(lintOptions) : lintOptions));
        if (!results.last().parsed)
            problems << results.last().syntaxError;
    }

    LintSeverity worst = LintSeverity::Off;
    for (const LintResult &result : std::as_const(results))
        worst = std::max(worst, result.worst());
    const bool failed = worst == LintSeverity::Error || (options.strict && worst == LintSeverity::Warning);
    const int code = !problems.isEmpty() ? int(ExitCode::Usage) : failed ? int(ExitCode::Failed) : int(ExitCode::Ok);
    if (options.format == QLatin1String("json"))
        output.out() << LintFormats::json(results, code == ExitCode::Ok);
    else if (options.format == QLatin1String("github"))
        output.out() << LintFormats::github(results);
    else if (options.format == QLatin1String("sarif"))
        output.out() << LintFormats::sarif(results, QStringLiteral(ATLAS_VERSION));
    else
        printText(output, results);
    for (const QString &problem : std::as_const(problems))
        output.say(problem);
    return code;
}
