#include "db/migrate/StatementExecutor.h"

#include "core/sql/SessionChanges.h"
#include "core/sql/SqlScript.h"
#include "core/text/Utf8Check.h"
#include "db/migrate/EngineSession.h"
#include "db/pg/PgConnection.h"

#include <QElapsedTimer>

namespace {

// File position of the 1-based character `position` inside a statement that starts at
// (line, column) of the file.
void locateInFile(const SqlStatement &statement, int position, int *line, int *column)
{
    int l = 0, c = 0;
    lineAndColumnAtCharacter(statement.text, position - 1, &l, &c);
    *line = statement.line + l - 1;
    *column = l == 1 ? statement.column + c - 1 : c;
}

// "file:line:column: ERROR 42P01: ...\n(statement 3 of 7: CREATE TABLE)"
QString locatedFailure(const MigrationScript &script, const SqlStatement &statement, int index, int count,
                       const DbError &error)
{
    int line = statement.line;
    int column = statement.column;
    if (error.position > 0)
        locateInFile(statement, error.position, &line, &column);
    return QStringLiteral("%1:%2:%3: %4\n(statement %5 of %6: %7)")
        .arg(script.fileName())
        .arg(line)
        .arg(column)
        .arg(error.toString())
        .arg(index + 1)
        .arg(count)
        .arg(statement.kind);
}

}  // namespace

StatementExecutor::StatementExecutor(EngineSession &session)
    : m_session(session)
{
}

bool StatementExecutor::run(const MigrationScript &script, RunReport *report, int startAt,
                            const std::function<void(int next)> &committed)
{
    PgConnection &connection = m_session.connection;
    const QList<SqlStatement> &statements = script.parsed().statements;
    const int count = int(statements.size());
    for (int i = startAt; i < count; ++i) {
        const SqlStatement &statement = statements.at(i);
        if (m_session.cancelled) {
            report->cancelled = true;
            report->failedStatement = i;  // the first that did not run
            report->message = QStringLiteral("cancelled before statement %1 of %2").arg(i + 1).arg(count);
            return false;
        }
        if (m_session.progress)
            m_session.progress(i, count, statement.text);
        StatementReport step;
        step.index = i;
        step.line = statement.line;
        step.kind = statement.kind;
        step.text = statement.text;
        connection.setNoticeHandler([this, &step, report](const QString &notice) {
            step.notices.append(notice);
            report->notices.append(notice);
            if (m_session.notice)
                m_session.notice(notice);
        });
        QElapsedTimer timer;
        timer.start();
        const PgResult result = connection.exec(statement.text);
        connection.setNoticeHandler({});
        connection.takeNotices();
        step.durationMs = timer.elapsed();
        if (!result.ok()) {
            report->failedStatement = i;
            report->cancelled = m_session.cancelled && result.error().sqlState == QLatin1String("57014");
            report->error = result.error();
            report->message = locatedFailure(script, statement, i, count, result.error());
            report->statements.append(step);
            if (m_session.connectionLost())
                report->message += QStringLiteral(
                    "\nThe connection to the server was lost while this statement ran. PostgreSQL rolls back an "
                    "unfinished transaction, so nothing of this migration was committed.");
            return false;
        }
        step.commandTag = result.commandTag();
        step.affectedRows = result.affectedRows();
        report->statements.append(step);
        if (touchesEngineLimits(statement.changesSetting)) {
            // The file changed the limits the console promises (a db pull dump's lock_timeout = 0):
            // they hold again for the statements after it.
            const PgResult limits = m_session.reapplyLimits();
            report->warnings.append(limits.ok()
                ? QStringLiteral("%1:%2: %3 changed the migration's limits; the console put its own back (lock_timeout %4, "
                                 "statement_timeout %5) for the statements after it")
                      .arg(script.fileName()).arg(statement.line)
                      .arg(statement.changesSetting == QLatin1String("all") ? QStringLiteral("RESET ALL")
                                                                            : QStringLiteral("SET ") + statement.changesSetting,
                           m_session.options.lockTimeout, m_session.options.statementTimeout)
                : QStringLiteral("%1:%2: could not put the console's limits back after it: %3")
                      .arg(script.fileName()).arg(statement.line).arg(limits.error().toString()));
        }
        if (committed && !connection.inTransaction())
            committed(i + 1);
    }
    return true;
}
