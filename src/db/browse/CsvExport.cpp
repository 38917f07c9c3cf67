#include "db/browse/CsvExport.h"

#include "db/browse/ViewAsTransaction.h"
#include "db/pg/PgConnection.h"

#include <QFile>

bool CsvExport::toFile(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, const QString &path,
                       const std::function<void(qint64, qint64)> &progress, qint64 *rows, QString *error)
{
    *rows = 0;
    const QString copy = buildCsvCopy(spec, [&connection](const QString &value) { return connection.quoteLiteral(value); });
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    ViewAsTransaction transaction(connection);
    const PgResult begun = transaction.begin(viewAs);
    if (!begun.ok()) {
        *error = begun.error().toString();
        file.remove();
        return false;
    }
    qint64 bytes = 0;
    qint64 reported = 0;
    QString writeError;
    const PgResult copied = connection.copyOut(copy, [&](QByteArrayView row) {
        if (file.write(row.data(), row.size()) != row.size()) {
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
    file.close();
    if (!copied.ok()) {
        *error = writeError.isEmpty() ? copied.error().toString() : writeError;
        file.remove();  // no half file left behind
        return false;
    }
    if (progress)
        progress(*rows, bytes);
    return true;
}
