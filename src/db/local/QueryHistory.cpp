#include "db/local/QueryHistory.h"

#include <QDir>
#include <QStandardPaths>

QList<Snippet> QueryHistory::builtInSnippets()
{
    // The status document's checks of the usage tables come first.
    return {
        {QStringLiteral("Is daily_usage there?"),
         QStringLiteral("SELECT to_regclass('public.daily_usage') IS NOT NULL AS daily_usage_exists;"), true},
        {QStringLiteral("daily_usage: structure"), QStringLiteral("\\d daily_usage"), true},
        {QStringLiteral("daily_usage: a few rows"), QStringLiteral("SELECT * FROM public.daily_usage ORDER BY date DESC LIMIT 5;"), true},
        {QStringLiteral("daily_usage: tiers in use"),
         QStringLiteral("SELECT tier, count(*) FROM public.daily_usage GROUP BY tier ORDER BY tier;"), true},
    };
}

QList<Snippet> QueryHistory::snippets() const
{
    return builtInSnippets() + savedSnippets();
}

QString QueryHistory::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("sql-history.sqlite"));
}

EditorRun editorRunOf(const QString &profile, const QString &sql, const QueryResult &result)
{
    EditorRun run;
    run.profile = profile;
    run.durationMs = result.durationMs;
    run.rows = result.columns.isEmpty() ? result.affectedRows : result.rows.size();
    run.ok = result.ok();
    run.error = result.ok() ? QString() : result.error.toString();
    run.sql = sql;
    return run;
}
