#include "core/schema/GeneratedMigration.h"

#include "core/lint/Linter.h"

#include <algorithm>

int GeneratedMigration::dataLossCount() const
{
    return int(std::count_if(statements.cbegin(), statements.cend(), [](const GeneratedStatement &s) { return s.dataLoss; }));
}

namespace {

QString commented(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n')))
        lines.append(QStringLiteral("-- ") + line);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace

QString GeneratedMigration::script(const QStringList &title) const
{
    QString text;
    for (const QString &line : title)
        text += commented(line);
    if (statements.isEmpty())
        text += warnings.isEmpty() ? QStringLiteral("-- The two schemas are equal: nothing to do.\n")
                                   : QStringLiteral("-- No statement: what differs needs a hand (the warnings below).\n");
    for (const QString &warning : warnings)
        text += commented(QStringLiteral("WARNING: ") + warning);
    for (const GeneratedStatement &statement : statements) {
        text += QLatin1Char('\n');
        if (statement.dataLoss)
            text += QStringLiteral("-- DATA LOSS: ");
        if (!statement.note.isEmpty())
            text += statement.dataLoss ? commented(statement.note).mid(3) : commented(statement.note);
        else if (statement.dataLoss)
            text += QStringLiteral("what this object holds is lost\n");
        for (const LintFinding &finding : statement.findings)
            text += commented(QStringLiteral("%1[%2] %3").arg(lintSeverityName(finding.severity), finding.rule, finding.message));
        if (!statement.ignore.isEmpty())
            text += QStringLiteral("-- atlas:ignore ") + statement.ignore + QLatin1Char('\n');
        text += statement.sql + QLatin1Char('\n');
    }
    return text;
}

void GeneratedMigration::lint(const QString &fileName)
{
    QString sql;
    for (const GeneratedStatement &statement : statements) {
        if (!statement.ignore.isEmpty())
            sql += QStringLiteral("-- atlas:ignore ") + statement.ignore + QLatin1Char('\n');
        sql += statement.sql + QLatin1String("\n\n");
    }
    for (GeneratedStatement &statement : statements)
        statement.findings.clear();
    const LintResult result = lintFile(LintFile{fileName, sql, false, QString(), false});
    for (const LintFinding &finding : result.findings)
        if (finding.statementIndex >= 0 && finding.statementIndex < statements.size())
            statements[finding.statementIndex].findings.append(finding);
}

void GeneratedMigration::warnOfNewEnumValuesUsed()
{
    for (int i = 0; i < statements.size(); ++i) {
        const QString &sql = statements.at(i).sql;
        if (!sql.startsWith(QLatin1String("ALTER TYPE ")) || !sql.contains(QLatin1String(" ADD VALUE ")))
            continue;
        const QString value = sql.section(QStringLiteral(" ADD VALUE "), 1).section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(';'));
        for (int j = i + 1; j < statements.size(); ++j)
            if (statements.at(j).sql.contains(value)) {
                warnings.append(QStringLiteral("%1 adds the enum value %2 and statement %3 uses it: PostgreSQL refuses that in one "
                                               "transaction; move the ALTER TYPE ... ADD VALUE statements to a migration of their "
                                               "own, applied first")
                                    .arg(statements.at(i).objectKey, value).arg(j + 1));
                break;
            }
    }
}
