#pragma once

#include "core/browse/KeysetQuery.h"
#include "core/browse/ViewAs.h"

#include <QString>

#include <functional>

class PgConnection;

// Streams the rows that match the filters, in key order, to `path` as CSV with a header, through
// COPY ... TO STDOUT, as `viewAs`: memory stays bounded at any size. `progress` is called every
// megabyte; a cancel() on the connection stops the server. The file replaces one of that name only
// once every row is written (core/browse/ExportFile): on any failure (cancelled, a server error, a
// full disk) nothing is left but what was there before, and `error` says why.
namespace CsvExport {
bool toFile(PgConnection &connection, const BrowseSpec &spec, const ViewAs &viewAs, const QString &path,
            const std::function<void(qint64 rows, qint64 bytes)> &progress, qint64 *rows, QString *error);
}  // namespace CsvExport
