#include "db/browse/CsvExport.h"

#include "core/browse/ExportFile.h"
#include "db/browse/ViewAsTransaction.h"
#include "db/pg/PgConnection.h"

bool CsvExport::toFile(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, const QString &path,
                       const std::function<void(qint64, qint64)> &progress, qint64 *rows, QString *error)
{
    *rows = 0;
    const QString copy = buildCsvCopy(spec, [&connection](const QString &value) { return connection.quoteLiteral(value); });
    ExportFile file(path, true);
    if (!file.open()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    ViewAsTransaction transaction(connection);
    const PgResult begun = transaction.begin(viewAs);
    if (!begun.ok()) {
        *error = begun.error().toString();
        return false;
    }
    qint64 bytes = 0;
    qint64 reported = 0;
    QString writeError;
    const PgResult copied = connection.copyOut(copy, [&](QByteArrayView row) {
        if (!file.write(row.data(), row.size())) {
            writeError = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        bytes += row.size();
        ++*rows;  // COPY sends one row per message
        if (progress && bytes - reported >= 1024 * 1024) {
            reported = bytes;
            progress(*rows - 1, bytes);  // less the header line
        }
        return true;
    });
    transaction.rollback();
    *rows = qMax<qint64>(0, *rows - 1);
    if (!copied.ok()) {
        *error = writeError.isEmpty() ? copied.error().toString() : writeError;
        return false;  // no half file left behind, and a file of that name as it was
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (progress)
        progress(*rows, bytes);
    return true;
}
