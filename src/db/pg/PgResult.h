#pragma once

#include "core/connection/DbError.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_result;
typedef struct pg_result PGresult;

// Owns one PGresult (freed exactly once, on every path) and carries the error when the
// command failed, so callers test `ok()` instead of parsing PQerrorMessage.
class PgResult {
public:
    PgResult() = default;
    explicit PgResult(PGresult *result);    // takes ownership; reads status and error fields
    static PgResult failure(DbError error);  // a client-side failure with no PGresult

    bool ok() const { return !m_error.isError(); }
    const DbError &error() const { return m_error; }

    int rowCount() const;
    int columnCount() const;
    QString columnName(int column) const;
    quint32 columnType(int column) const;        // the type's oid (PQftype); 0 when unknown
    int columnIndex(const QString &name) const;  // -1 when absent
    bool isNull(int row, int column) const;
    QString value(int row, int column) const;    // UTF-8 text; empty for NULL
    // The same bytes without conversion, valid while this result lives (for a parser that
    // takes UTF-8, as JSON does).
    QByteArrayView bytes(int row, int column) const;
    QString value(int row, const QString &column) const;
    qint64 affectedRows() const;                 // PQcmdTuples; -1 when not applicable
    QString commandTag() const;                  // "INSERT 0 3"
    // Says in words that the connection is gone, ahead of libpq's own text ("SSL SYSCALL error:
    // EOF detected", "server closed the connection unexpectedly"), which few users can read.
    void markConnectionLost();

private:
    friend class PgConnection;  // reads the status of a COPY's first result
    std::shared_ptr<PGresult> m_result;
    DbError m_error;
};
