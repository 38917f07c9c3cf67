#include "core/lint/Linter.h"

#include "core/catalog/MigrationFile.h"
#include "core/lint/LintIgnores.h"
#include "core/lint/LintRule.h"
#include "core/lint/LintRules.h"

#include <algorithm>

namespace {

constexpr qint64 kSmallRows = 10'000;
constexpr qint64 kLargeRows = 1'000'000;
constexpr qint64 kLargeBytes = 1024LL * 1024 * 1024;

// With a database: a rewrite or scan of a table with a few rows is nothing, of a large one an outage.
void gradeBySize(LintFinding *finding, const LintRule &rule, const RelationSizeMap &sizes)
{
    if (!rule.sizeGraded || finding->table.isEmpty() || !sizes.contains(finding->table))
        return;
    const RelationSize size = sizes.value(finding->table);
    if (size.estimatedRows < 0)
        return;
    if (size.estimatedRows < kSmallRows && size.bytes < kLargeBytes)
        finding->severity = LintSeverity::Info;
    else if (size.estimatedRows >= kLargeRows || size.bytes >= kLargeBytes)
        finding->severity = LintSeverity::Error;
    finding->message += QStringLiteral(" (about %1 rows, %2)").arg(size.estimatedRows).arg(size.pretty);
}

// The ignore comments that belong to each statement: those between the end of the statement before
// it and its start.
QList<QList<int>> ignoresByStatement(const QList<LintIgnore> &ignores, const SqlScript &script)
{
    QList<QList<int>> attached(script.statements.size());
    int previousEnd = 0;
    for (int s = 0; s < script.statements.size(); ++s) {
        const SqlStatement &statement = script.statements.at(s);
        for (int i = 0; i < ignores.size(); ++i) {
            if (!ignores.at(i).wholeFile && ignores.at(i).line > previousEnd && ignores.at(i).line < statement.line)
                attached[s].append(i);
        }
        previousEnd = statement.line + int(statement.text.count(QLatin1Char('\n')));
    }
    return attached;
}

bool silenced(const LintFinding &finding, QList<LintIgnore> *ignores, const QList<QList<int>> &attached)
{
    bool silent = false;
    const auto consider = [&](LintIgnore &ignore) {
        if (ignore.rules.contains(finding.rule)) {
            silent = true;
            if (!ignore.used.contains(finding.rule))
                ignore.used.append(finding.rule);
        }
    };
    if (finding.statementIndex >= 0 && finding.statementIndex < attached.size()) {
        for (int i : attached.at(finding.statementIndex))
            consider((*ignores)[i]);
    }
    for (LintIgnore &ignore : *ignores) {
        if (ignore.wholeFile)
            consider(ignore);
    }
    return silent;
}

LintFinding unusedIgnore(const LintFile &file, const LintIgnore &ignore, const QString &message)
{
    const LintRule *rule = findLintRule(QStringLiteral("unused-ignore"));
    LintFinding finding;
    finding.rule = rule->name;
    finding.severity = rule->severity;
    finding.file = file.name;
    finding.line = finding.statementLine = ignore.line;
    finding.column = ignore.column;
    finding.statement = QStringLiteral("-- atlas:ignore%1 %2").arg(ignore.wholeFile ? QStringLiteral("-file") : QString(),
                                                                   ignore.rules.join(QLatin1Char(',')));
    finding.message = message;
    finding.why = rule->why;
    finding.fix = rule->fix;
    return finding;
}

}  // namespace

QStringList unknownLintRules(const QStringList &names)
{
    QStringList unknown;
    for (const QString &name : names) {
        if (!findLintRule(name))
            unknown.append(name);
    }
    return unknown;
}

LintResult lintFile(const LintFile &file, const LintOptions &options)
{
    LintResult result;
    result.file = file.name;
    QList<QJsonObject> trees;
    const SqlScript script = parseSqlScript(file.sql, &trees);
    if (!script.isValid()) {
        result.parsed = false;
        result.syntaxError = script.syntaxError->located(file.name);
        return result;
    }
    result.statements = int(script.statements.size());
    const QByteArray bytes = file.sql.toUtf8();
    LintContext context(file, options, bytes);
    for (int i = 0; i < script.statements.size(); ++i)
        context.statements.append({i, &script.statements.at(i), ParseTree::nodeType(trees.at(i)), ParseTree::body(trees.at(i))});
    for (const LintStatement &statement : std::as_const(context.statements)) {
        LintRules::tables(statement, context);
        LintRules::columnTypes(statement, context);
        LintRules::indexes(statement, context);
        LintRules::security(statement, context);
        LintRules::data(statement, context);
        LintRules::script(statement, context);
        LintRules::recordFacts(statement, context);
    }
    LintRules::securityAtEnd(context);
    LintRules::dataAtEnd(context);
    LintRules::scriptAtEnd(context);
    QList<LintFinding> found = context.take();
    if (file.topLevelDownFile) {
        const LintRule *rule = findLintRule(QStringLiteral("down-file-in-cli-folder"));
        LintFinding finding{rule->name, rule->severity, file.name, 1, 1, 1, QString(),
                            QStringLiteral("the Supabase CLI runs %1 as a migration of its own").arg(file.name), rule->why, rule->fix,
                            QString(), script.statements.isEmpty() ? -1 : 0};
        found.prepend(finding);
    }

    QList<LintIgnore> ignores = readLintIgnores(file.sql);
    const QList<QList<int>> attached = ignoresByStatement(ignores, script);
    for (LintFinding &finding : found) {
        const LintRule *rule = findLintRule(finding.rule);
        gradeBySize(&finding, *rule, options.sizes);
        finding.severity = options.severities.value(finding.rule, finding.severity);
        if (finding.severity != LintSeverity::Off && !silenced(finding, &ignores, attached))
            result.findings.append(finding);
    }
    for (const LintIgnore &ignore : std::as_const(ignores)) {
        QString message;
        const QStringList unknown = unknownLintRules(ignore.rules);
        QStringList unused;
        for (const QString &rule : ignore.rules) {
            if (!ignore.used.contains(rule))
                unused.append(rule);
        }
        if (ignore.rules.isEmpty())
            message = QStringLiteral("atlas:ignore names no rule");
        else if (!unknown.isEmpty())
            message = QStringLiteral("atlas:ignore names %1, which no rule of the catalogue is called").arg(unknown.join(QStringLiteral(", ")));
        else if (!unused.isEmpty())
            message = QStringLiteral("atlas:ignore %1 silenced nothing %2")
                          .arg(unused.join(QLatin1Char(',')),
                               ignore.wholeFile ? QStringLiteral("in this file") : QStringLiteral("in the statement after it"));
        if (message.isEmpty())
            continue;
        LintFinding finding = unusedIgnore(file, ignore, message);
        finding.severity = options.severities.value(finding.rule, finding.severity);
        if (finding.severity != LintSeverity::Off)
            result.findings.append(finding);
    }
    std::stable_sort(result.findings.begin(), result.findings.end(), [](const LintFinding &a, const LintFinding &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return result;
}

LintResult lintMigrationScript(const MigrationScript &script, const RelationSizeMap &sizes)
{
    LintOptions options;
    options.sizes = sizes;
    return lintFile(LintFile{script.fileName(), script.sql(), false, QString(), false}, options);
}

LintFile lintExampleFile(const QString &example)
{
    LintFile file;
    file.name = lintExampleFileName();
    QString text = example;
    if (text.startsWith(QLatin1String("-- file: "))) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'));
        file.name = text.mid(9, end - 9).trimmed();
        text = text.mid(end + 1);
    }
    const qsizetype down = text.indexOf(QLatin1String("-- down:\n"));
    if (down >= 0) {
        file.hasDown = true;
        file.downSql = text.mid(down + 9);
        text = text.left(down);
    }
    file.sql = text;
    file.topLevelDownFile = !file.name.contains(QLatin1Char('/')) && file.name.endsWith(QLatin1String(".down.sql"));
    return file;
}
