#include "core/run/RunnableCheck.h"

#include "core/sql/SqlScript.h"

#include <algorithm>

QString whyNotRunnable(const MigrationFile &migration, const MigrationScript &script, RunMode mode, bool transactionPooled)
{
    if (!script.exists())
        return QStringLiteral("%1 has no down file: write %1.down.sql (or down/%1.sql) to roll it back").arg(migration.displayName());
    if (script.sql().isEmpty())
        return QStringLiteral("%1: cannot be run: the file could not be read as UTF-8 SQL (see the folder's errors)")
            .arg(script.fileName());
    const SqlScript &parsed = script.parsed();
    if (!parsed.isValid())
        return parsed.syntaxError->located(script.fileName());
    if (parsed.statements.isEmpty())
        return QStringLiteral("%1: contains no SQL statements").arg(script.fileName());
    for (const SqlStatement &statement : parsed.statements) {
        if (statement.controlsTransaction)
            return QStringLiteral("%1:%2:%3: %4 %5")
                .arg(script.fileName())
                .arg(statement.line)
                .arg(statement.column)
                .arg(statement.text.section(QLatin1Char(' '), 0, 0).toUpper(), statement.nonTransactionalReason);
    }
    const auto outside = std::find_if(parsed.statements.begin(), parsed.statements.end(),
                                      [](const SqlStatement &s) { return !s.transactional; });
    if (outside == parsed.statements.end())
        return QString();
    const QString where = QStringLiteral("%1:%2:%3").arg(script.fileName()).arg(outside->line).arg(outside->column);
    if (mode == RunMode::DryRun)
        return QStringLiteral("%1: cannot be previewed in a transaction: %2").arg(where, outside->nonTransactionalReason);
    if (transactionPooled)
        return QStringLiteral("%1: %2; and a file that runs outside a transaction cannot run through a transaction pooler, "
                              "which gives each statement a different server connection. Connect directly or through "
                              "the session pooler")
            .arg(where, outside->nonTransactionalReason);
    if (!script.runsOutsideTransaction())
        return QStringLiteral("%1: %2. To run this file statement by statement (not atomically), make its first line "
                              "\"-- atlas:no-transaction\" and keep it to statements that are safe to repeat")
            .arg(where, outside->nonTransactionalReason);
    return QString();
}
