#include "db/sqleditor/SqlEditorWorker.h"

#include "core/sql/SqlScript.h"
#include "db/SqlResource.h"
#include "db/migrate/CatalogSnapshot.h"
#include "db/workers/WorkerThread.h"

#include <QElapsedTimer>

namespace {

const QString kCursor = QStringLiteral("atlas_editor_rows");

DbError clientError(const QString &message)
{
    DbError error;
    error.severity = QStringLiteral("ERROR");
    error.message = message;
    return error;
}

// '' rather than NULL: a null QString is sent as SQL NULL, and the meta queries compare with ''.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString commandWord(const MetaCommand &command)
{
    switch (command.kind) {
    case MetaCommand::Kind::Describe: return QStringLiteral("\\d");
    case MetaCommand::Kind::ListTables: return QStringLiteral("\\dt");
    case MetaCommand::Kind::ListSchemas: return QStringLiteral("\\dn");
    case MetaCommand::Kind::ListFunctions: return QStringLiteral("\\df");
    case MetaCommand::Kind::ListRoles: return QStringLiteral("\\du");
    case MetaCommand::Kind::ListPrivileges: return QStringLiteral("\\dp");
    case MetaCommand::Kind::ToggleExpanded: return QStringLiteral("\\x");
    case MetaCommand::Kind::ToggleTiming: return QStringLiteral("\\timing");
    }
    return QString();
}

}  // namespace

SqlEditorWorker::SqlEditorWorker()
{
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<RunSettings>();
    qRegisterMetaType<DbError>();
    qRegisterMetaType<RunReport>();
}

SqlEditorWorker *SqlEditorWorker::startOnOwnThread()
{
    auto *worker = new SqlEditorWorker;
    worker->m_thread = WorkerThread::start(worker, QStringLiteral("atlas-sql-editor"));
    return worker;
}

void SqlEditorWorker::stop()
{
    cancel();
    WorkerThread::stop(m_thread);
}

void SqlEditorWorker::cancel()
{
    m_connection.cancel();
}

void SqlEditorWorker::openConnection(const QString &conninfo)
{
    m_userTransaction = m_autoTransaction = false;
    m_cursorTicket = 0;
    const QString failure = m_connection.open(conninfo, QStringLiteral("atlas-console-sql"));
    emit opened(failure.isEmpty(), failure);
}

QueryResult SqlEditorWorker::startResult(quint64 ticket, const QString &statement, int line, int column) const
{
    QueryResult result;
    result.ticket = ticket;
    result.statement = statement;
    result.line = line;
    result.column = column;
    return result;
}

void SqlEditorWorker::closeCursor()
{
    if (m_cursorTicket == 0)
        return;
    m_cursorTicket = 0;
    m_connection.exec(QStringLiteral("CLOSE ") + kCursor);
    if (m_autoTransaction) {
        m_connection.exec(QStringLiteral("COMMIT"));
        m_autoTransaction = false;
    }
}

PgResult SqlEditorWorker::beginFor(const RunSettings &settings)
{
    PgResult begun = m_connection.exec(settings.readOnly ? QStringLiteral("BEGIN TRANSACTION READ ONLY") : QStringLiteral("BEGIN"));
    if (begun.ok() && !settings.role.isEmpty())
        begun = m_connection.execParams(sqlResource(QStringLiteral("browse/act_as")), {settings.role, settings.claims});
    if (!begun.ok())
        m_connection.exec(QStringLiteral("ROLLBACK"));
    return begun;
}

void SqlEditorWorker::endAuto(bool ok, QueryResult *result)
{
    if (!m_autoTransaction)
        return;
    m_autoTransaction = false;
    if (!ok) {
        m_connection.exec(QStringLiteral("ROLLBACK"));
        return;
    }
    const PgResult committed = m_connection.exec(QStringLiteral("COMMIT"));
    if (!committed.ok())
        result->error = committed.error();
}

QStringList SqlEditorWorker::typeNames(const PgResult &result)
{
    QStringList unknown;
    for (int c = 0; c < result.columnCount(); ++c) {
        if (!m_types.contains(result.columnType(c)))
            unknown << QString::number(result.columnType(c));
    }
    if (!unknown.isEmpty()) {
        const PgResult names = m_connection.execParams(sqlResource(QStringLiteral("editor/type_names")),
                                                       {QLatin1Char('{') + unknown.join(QLatin1Char(',')) + QLatin1Char('}')});
        for (int r = 0; r < names.rowCount(); ++r)
            m_types.insert(names.value(r, 0).toUInt(), names.value(r, 1));
    }
    QStringList types;
    for (int c = 0; c < result.columnCount(); ++c)
        types << m_types.value(result.columnType(c));
    return types;
}

void SqlEditorWorker::takeRows(const PgResult &page, QueryResult *result)
{
    result->rows.reserve(page.rowCount());
    for (int r = 0; r < page.rowCount(); ++r) {
        QStringList row;
        row.reserve(page.columnCount());
        for (int c = 0; c < page.columnCount(); ++c)
            row << (page.isNull(r, c) ? QString() : page.value(r, c));
        result->rows.append(row);
    }
}

void SqlEditorWorker::run(quint64 ticket, const QString &statement, int line, int column, const RunSettings &settings)
{
    closeCursor();
    QElapsedTimer clock;
    clock.start();
    QueryResult result = startResult(ticket, statement, line, column);
    const SqlScript parsed = parseSqlScript(statement);
    const SqlStatement *first = parsed.isValid() && !parsed.statements.isEmpty() ? &parsed.statements.first() : nullptr;
    result.title = QStringLiteral("%1 (line %2)").arg(first ? first->kind : QStringLiteral("SQL")).arg(line);
    const bool bare = first && !first->transactional;
    if (bare && (settings.readOnly || m_userTransaction)) {
        result.error = clientError(settings.readOnly
                                       ? QStringLiteral("%1 cannot run in a transaction, and this editor is read-only (every statement "
                                                        "runs in a READ ONLY transaction): switch writing on first")
                                             .arg(first->kind)
                                       : QStringLiteral("%1 cannot run inside the open transaction: commit or roll it back first")
                                             .arg(first->kind));
        emit resultReady(result);
        return;
    }
    if (!m_userTransaction && !bare) {
        const PgResult begun = beginFor(settings);
        if (!begun.ok()) {
            result.error = begun.error();
            emit resultReady(result);
            return;
        }
        m_autoTransaction = true;
    }
    // Rows through a cursor, a page at a time: a plain SELECT (not SELECT INTO, which writes).
    const bool rows = first && first->nodeType == QLatin1String("SelectStmt") && !first->text.contains(QLatin1String(" INTO "), Qt::CaseInsensitive);
    PgResult answer = rows ? m_connection.exec(QStringLiteral("DECLARE %1 SCROLL CURSOR FOR %2").arg(kCursor, statement))
                           : m_connection.exec(statement);
    if (rows && answer.ok()) {
        answer = m_connection.exec(QStringLiteral("FETCH FORWARD %1 FROM %2").arg(settings.pageSize).arg(kCursor));
        if (answer.ok()) {
            for (int c = 0; c < answer.columnCount(); ++c)
                result.columns << answer.columnName(c);
            result.types = typeNames(answer);
            takeRows(answer, &result);
            result.more = answer.rowCount() == settings.pageSize;
            // Open while its result is shown (the grid reads pages as it scrolls), until the next
            // run; a result that fits in one page needs no cursor after it.
            m_cursorTicket = ticket;
            m_cursor = result;
            m_cursor.rows.clear();
            if (!result.more)
                closeCursor();
        }
    } else if (answer.ok()) {
        for (int c = 0; c < answer.columnCount(); ++c)
            result.columns << answer.columnName(c);
        result.types = typeNames(answer);
        takeRows(answer, &result);
        result.commandTag = answer.commandTag();
        result.affectedRows = answer.affectedRows();
    }
    if (!answer.ok()) {
        result.error = answer.error();
        result.cancelled = answer.error().sqlState == QLatin1String("57014");
        if (rows && result.error.position > 0)
            result.error.position -= int(QStringLiteral("DECLARE %1 SCROLL CURSOR FOR ").arg(kCursor).size());
        if (m_userTransaction)
            emit transactionChanged(true, true, QStringLiteral("the transaction is aborted: roll it back"));
    }
    if (!answer.ok() || !rows)
        endAuto(answer.ok(), &result);
    result.notices = m_connection.takeNotices();
    result.durationMs = clock.elapsed();
    emit resultReady(result);
}

void SqlEditorWorker::fetchMore(quint64 ticket, qint64 offset, int count)
{
    QueryResult result = m_cursor;
    result.ticket = ticket;
    result.offset = offset;
    result.page = true;
    if (ticket != m_cursorTicket) {
        result.error = clientError(QStringLiteral("these rows are no longer open: run the statement again"));
        emit resultReady(result);
        return;
    }
    QElapsedTimer clock;
    clock.start();
    // A scrollable cursor: rows read before and dropped from the grid's memory can be read again.
    PgResult page = m_connection.exec(QStringLiteral("MOVE ABSOLUTE %1 IN %2").arg(offset).arg(kCursor));
    if (page.ok())
        page = m_connection.exec(QStringLiteral("FETCH FORWARD %1 FROM %2").arg(count).arg(kCursor));
    if (!page.ok()) {
        result.error = page.error();
        m_cursorTicket = 0;
        endAuto(false, &result);
    } else {
        takeRows(page, &result);
        result.more = page.rowCount() == count;
    }
    result.durationMs = clock.elapsed();
    emit resultReady(result);
}

void SqlEditorWorker::meta(quint64 ticket, const MetaCommand &command, const RunSettings &settings)
{
    closeCursor();
    QStringList files;
    QString kinds = QStringLiteral("rpvmfS");
    switch (command.kind) {
    case MetaCommand::Kind::Describe:
        files = command.nameRegex.isEmpty() ? QStringList{QStringLiteral("list_relations")}
                                            : QStringList{QStringLiteral("describe_columns"), QStringLiteral("describe_extras")};
        break;
    case MetaCommand::Kind::ListTables: files = {QStringLiteral("list_relations")}; kinds = QStringLiteral("rp"); break;
    case MetaCommand::Kind::ListSchemas: files = {QStringLiteral("list_schemas")}; break;
    case MetaCommand::Kind::ListFunctions: files = {QStringLiteral("list_functions")}; break;
    case MetaCommand::Kind::ListRoles: files = {QStringLiteral("list_roles")}; break;
    case MetaCommand::Kind::ListPrivileges: files = {QStringLiteral("list_privileges")}; break;
    case MetaCommand::Kind::ToggleExpanded:
    case MetaCommand::Kind::ToggleTiming: return;  // the editor's own settings
    }
    for (const QString &file : files) {
        QElapsedTimer clock;
        clock.start();
        QueryResult result = startResult(ticket, command.pattern, 1, 1);
        result.last = file == files.last();
        static const QHash<QString, QString> titles = {
            {QStringLiteral("describe_columns"), QStringLiteral("columns")},
            {QStringLiteral("describe_extras"), QStringLiteral("indexes, constraints, policies, triggers")},
        };
        result.title = titles.contains(file) ? QStringLiteral("%1: %2").arg(command.pattern, titles.value(file))
                                             : QStringLiteral("%1 %2").arg(commandWord(command), command.pattern).trimmed();
        const bool transaction = !m_userTransaction;
        if (transaction && !beginFor(RunSettings{true, settings.role, settings.claims, settings.pageSize}).ok())
            return;
        const PgResult answer = m_connection.execParams(sqlResource(QStringLiteral("editor/") + file),
                                                        {notNull(command.schemaRegex), notNull(command.nameRegex), kinds,
                                                         command.system ? QStringLiteral("t") : QStringLiteral("f")});
        if (answer.ok()) {
            for (int c = 0; c < answer.columnCount(); ++c)
                result.columns << answer.columnName(c);
            result.types = typeNames(answer);
            takeRows(answer, &result);
        } else {
            result.error = answer.error();
        }
        if (transaction)
            m_connection.exec(QStringLiteral("ROLLBACK"));
        if (answer.ok() && result.rows.isEmpty() && !command.nameRegex.isEmpty() && file != QLatin1String("describe_extras"))
            result.error = clientError(QStringLiteral("did not find any relation named \"%1\"").arg(command.pattern));
        result.durationMs = clock.elapsed();
        if (!result.ok())
            result.last = true;
        emit resultReady(result);
        if (!result.ok())
            return;
    }
}

void SqlEditorWorker::explain(quint64 ticket, const QString &statement, bool analyze, const RunSettings &settings)
{
    closeCursor();
    const bool transaction = !m_userTransaction;
    if (transaction) {
        const PgResult begun = beginFor(settings);
        if (!begun.ok()) {
            emit explained(ticket, QString(), begun.error());
            return;
        }
    } else {
        m_connection.exec(QStringLiteral("SAVEPOINT atlas_explain"));
    }
    const QString prefix = QStringLiteral("EXPLAIN (FORMAT JSON%1) ").arg(analyze ? QStringLiteral(", ANALYZE, BUFFERS") : QString());
    const PgResult plan = m_connection.exec(prefix + statement);
    // ANALYZE ran the statement: whatever it changed goes.
    m_connection.exec(transaction ? QStringLiteral("ROLLBACK") : QStringLiteral("ROLLBACK TO SAVEPOINT atlas_explain"));
    DbError error = plan.error();
    if (error.position > 0)
        error.position -= int(prefix.size());
    emit explained(ticket, plan.ok() ? plan.value(0, 0) : QString(), error);
}

void SqlEditorWorker::dryRun(quint64 ticket, const QStringList &statements, const QList<int> &lines)
{
    closeCursor();
    RunReport report;
    report.dryRun = true;
    report.name = QStringLiteral("editor");
    QElapsedTimer clock;
    clock.start();
    const auto finish = [&] {
        report.durationMs = clock.elapsed();
        report.notices = m_connection.takeNotices();
        emit dryRunDone(ticket, report);
    };
    if (m_userTransaction) {
        report.message = QStringLiteral("a transaction is open: commit or roll it back before a dry run");
        finish();
        return;
    }
    for (const QString &statement : statements) {
        const SqlScript parsed = parseSqlScript(statement);
        if (parsed.isValid() && parsed.hasNonTransactional()) {
            report.message = QStringLiteral("%1 cannot run in a transaction, so it cannot be tried and rolled back: nothing ran")
                                 .arg(parsed.statements.first().kind);
            finish();
            return;
        }
    }
    // Writes are tried and rolled back; short limits keep a dry run from queueing behind others.
    PgResult begun = m_connection.exec(QStringLiteral("BEGIN"));
    if (begun.ok())
        begun = m_connection.exec(sqlResource(QStringLiteral("editor/dry_run_limits")));
    QList<CatalogObject> before;
    if (begun.ok())
        begun = takeCatalogSnapshot(m_connection, &before);
    if (!begun.ok()) {
        m_connection.exec(QStringLiteral("ROLLBACK"));
        report.error = begun.error();
        report.message = begun.error().toString();
        finish();
        return;
    }
    bool ok = true;
    for (int i = 0; i < statements.size() && ok; ++i) {
        QElapsedTimer statementClock;
        statementClock.start();
        const PgResult result = m_connection.exec(statements.at(i));
        StatementReport done;
        done.index = i;
        done.line = lines.value(i);
        done.text = statements.at(i);
        done.durationMs = statementClock.elapsed();
        if (!result.ok()) {
            ok = false;
            report.failedStatement = i;
            report.error = result.error();
            report.message = QStringLiteral("line %1: %2; nothing is changed (rolled back)").arg(done.line).arg(result.error().toString());
            break;
        }
        done.commandTag = result.commandTag();
        done.affectedRows = result.affectedRows();
        report.statements.append(done);
    }
    if (ok) {
        QList<CatalogObject> after;
        const PgResult read = takeCatalogSnapshot(m_connection, &after);
        report.schemaChanges = read.ok() ? diffSnapshots(before, after) : QList<SchemaChange>();
        report.ok = read.ok();
        report.message = read.ok() ? QStringLiteral("%1 statements ran and were rolled back").arg(report.statements.size())
                                   : read.error().toString();
    }
    m_connection.exec(QStringLiteral("ROLLBACK"));
    finish();
}

void SqlEditorWorker::readCompletions()
{
    if (m_userTransaction || m_cursorTicket != 0)
        return;  // not inside the user's transaction, nor while rows are read
    const PgResult names = m_connection.exec(sqlResource(QStringLiteral("editor/completions")));
    QStringList list;
    for (int r = 0; r < names.rowCount(); ++r)
        list << names.value(r, 0);
    emit completionsRead(list);
}

void SqlEditorWorker::begin(const RunSettings &settings)
{
    closeCursor();
    const PgResult begun = beginFor(settings);
    m_userTransaction = begun.ok();
    emit transactionChanged(m_userTransaction, false, begun.ok() ? QString() : begun.error().toString());
}

void SqlEditorWorker::commit()
{
    closeCursor();
    const PgResult committed = m_connection.exec(QStringLiteral("COMMIT"));
    m_userTransaction = false;
    // COMMIT of an aborted transaction answers ROLLBACK.
    emit transactionChanged(false, false, committed.ok() && committed.commandTag() == QLatin1String("COMMIT")
                                              ? QStringLiteral("committed")
                                              : QStringLiteral("rolled back: the transaction had failed"));
}

void SqlEditorWorker::rollback()
{
    closeCursor();
    m_connection.exec(QStringLiteral("ROLLBACK"));
    m_userTransaction = false;
    emit transactionChanged(false, false, QStringLiteral("rolled back"));
}
