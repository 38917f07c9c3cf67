#include "core/lint/LintIgnores.h"

#include <QRegularExpression>

QList<LintIgnore> readLintIgnores(const QString &sql)
{
    static const QRegularExpression directive(
        QStringLiteral("^(\\s*)--\\s*atlas:ignore(-file)?(?:\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*))?\\s*(.*)$"));
    QList<LintIgnore> ignores;
    if (!sql.contains(QLatin1String("atlas:ignore")))
        return ignores;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = directive.match(lines.at(i));
        if (!match.hasMatch())
            continue;
        LintIgnore ignore;
        ignore.line = i + 1;
        ignore.column = int(match.capturedLength(1)) + 1;
        ignore.wholeFile = !match.captured(2).isEmpty();
        for (const QString &rule : match.captured(3).split(QLatin1Char(','), Qt::SkipEmptyParts))
            ignore.rules.append(rule.trimmed());
        ignore.reason = match.captured(4).trimmed();
        ignores.append(ignore);
    }
    return ignores;
}
