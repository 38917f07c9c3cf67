#include "app/cli/ExportVerb.h"

#include "app/cli/CliOptions.h"
#include "app/cli/CliOutput.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SignalCanceller.h"
#include "core/browse/ExportFile.h"
#include "core/sql/SqlScript.h"
#include "db/SqlResource.h"
#include "db/pg/PgConnection.h"
#include "db/pg/Transaction.h"

#include <QElapsedTimer>

namespace {

// A condition is one expression: "x > 1; DROP TABLE t" is refused before anything is sent.
bool conditionIsOneExpression(const QString &where, QString *why)
{
    const SqlScript parsed = parseSqlScript(QStringLiteral("SELECT 1 WHERE ") + where);
    if (!parsed.isValid()) {
        *why = QStringLiteral("--where: %1 (at column %2 of the condition)").arg(parsed.syntaxError->message).arg(parsed.syntaxError->column - 15);
        return false;
    }
    if (parsed.statements.size() != 1) {
        *why = QStringLiteral("--where takes one condition, not statements");
        return false;
    }
    return true;
}

}  // namespace

int CliVerbs::exportRows(const CliOptions &options, CliOutput &output, PgConnection &connection)
{
    const QStringList parts = options.version.split(QLatin1Char('.'));
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return output.fail(ExitCode::Usage, QStringLiteral("export takes SCHEMA.TABLE, not \"%1\"").arg(options.version));
    QString why;
    if (!options.where.isEmpty() && !conditionIsOneExpression(options.where, &why))
        return output.fail(ExitCode::Usage, why);
    const bool jsonl = !options.jsonlFile.isEmpty();
    const QString path = jsonl ? options.jsonlFile : options.csvFile;
    const QString relation = connection.quoteIdentifier(parts.at(0)) + QLatin1Char('.') + connection.quoteIdentifier(parts.at(1));
    const QString rows = QStringLiteral("SELECT * FROM %1%2").arg(relation, options.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + options.where);
    // JSON lines through CSV with a quote and a delimiter no JSON text holds (row_to_json escapes
    // control characters): each object arrives as it is, unquoted and unescaped.
    QString copy = jsonl ? QStringLiteral("COPY (SELECT row_to_json(r) FROM (%1) AS r) TO STDOUT WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')").arg(rows)
                         : QStringLiteral("COPY (%1) TO STDOUT WITH (FORMAT csv, HEADER)").arg(rows);
    ExportFile file(path, !options.noSync);
    if (!file.open())
        return output.fail(ExitCode::Usage, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    Transaction transaction(connection);
    const PgResult begun = transaction.begin(Transaction::Access::ReadOnly);
    if (!begun.ok())
        return output.fail(ExitCode::Failed, begun.error().toString());
    // A whole table, as CSV: COPY of the table itself, as psql's \copy sends it, reads the heap
    // without a query's executor (a fifth faster for a million rows). Views, partitioned tables
    // and a --where need the query form.
    if (!jsonl && options.where.isEmpty()) {
        const PgResult kind = connection.execParams(sqlResource(QStringLiteral("browse/relation_kind")), {relation});
        if (kind.ok() && kind.rowCount() == 1 && kind.value(0, 0) == QLatin1String("r"))
            copy = QStringLiteral("COPY %1 TO STDOUT WITH (FORMAT csv, HEADER)").arg(relation);
    }
    const SignalCanceller canceller([&connection] { connection.cancel(); });
    qint64 count = jsonl ? 0 : -1;  // the CSV header is a row of COPY's output
    qint64 bytes = 0;
    bool written = true;
    QElapsedTimer clock;
    clock.start();
    const PgResult copied = connection.copyOut(copy, [&](QByteArrayView row) {
        ++count;
        bytes += row.size();
        written = file.write(row.data(), row.size());
        return written;
    });
    transaction.rollback();
    if (!written)
        return output.fail(ExitCode::Failed, QStringLiteral("%1: cannot write: %2; nothing was kept").arg(path, file.errorString()));
    if (!copied.ok()) {
        const bool cancelled = copied.error().sqlState == QLatin1String("57014");
        return output.fail(cancelled ? int(ExitCode::Cancelled) : int(ExitCode::Failed),
                           QStringLiteral("%1%2; nothing was written to %3").arg(cancelled ? QStringLiteral("cancelled: ") : QString(),
                                                                                  copied.error().toString(), path));
    }
    if (!file.commit())
        return output.fail(ExitCode::Failed, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    output.say(QStringLiteral("exported %1 rows (%2 bytes) of %3 to %4 in %5 ms")
                   .arg(std::max<qint64>(count, 0)).arg(bytes).arg(options.version, path).arg(clock.elapsed()));
    return ExitCode::Ok;
}
