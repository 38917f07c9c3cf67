#include "db/pg/PgResult.h"

#include "db/pg/Libpq.h"

namespace {

QString field(const PGresult *result, int code)
{
    const char *value = pq().PQresultErrorField(result, code);
    return value ? QString::fromUtf8(value) : QString();
}

}  // namespace

PgResult::PgResult(PGresult *result)
    : m_result(result, [](PGresult *r) { if (r) pq().PQclear(r); })
{
    if (!result) {
        m_error.message = QStringLiteral("out of memory or connection lost (no result)");
        return;
    }
    const ExecStatusType status = pq().PQresultStatus(result);
    if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR || status == PGRES_BAD_RESPONSE) {
        m_error.sqlState = field(result, PG_DIAG_SQLSTATE);
        m_error.severity = field(result, PG_DIAG_SEVERITY_NONLOCALIZED);
        m_error.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
        m_error.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
        m_error.hint = field(result, PG_DIAG_MESSAGE_HINT);
        m_error.context = field(result, PG_DIAG_CONTEXT);
        m_error.position = field(result, PG_DIAG_STATEMENT_POSITION).toInt();
        if (m_error.message.isEmpty()) {
            // Client-side failures (a dropped connection) carry only the result's message.
            m_error.message = QString::fromUtf8(pq().PQresultErrorMessage(result)).trimmed();
            if (m_error.message.isEmpty())
                m_error.message = QString::fromUtf8(pq().PQresStatus(status));
        }
    }
}

void PgResult::markConnectionLost()
{
    if (!m_error.message.startsWith(QLatin1String("the connection to the server was lost")))
        m_error.message = QStringLiteral("the connection to the server was lost (%1); reconnect once the server is "
                                         "reachable again")
                              .arg(m_error.message.simplified());
}

PgResult PgResult::failure(DbError error)
{
    PgResult result;
    result.m_error = std::move(error);
    return result;
}

int PgResult::rowCount() const { return m_result ? pq().PQntuples(m_result.get()) : 0; }

int PgResult::columnCount() const { return m_result ? pq().PQnfields(m_result.get()) : 0; }

quint32 PgResult::columnType(int column) const
{
    return m_result ? quint32(pq().PQftype(m_result.get(), column)) : 0;
}

QString PgResult::columnName(int column) const
{
    return m_result ? QString::fromUtf8(pq().PQfname(m_result.get(), column)) : QString();
}

int PgResult::columnIndex(const QString &name) const
{
    if (!m_result)
        return -1;
    for (int c = 0; c < columnCount(); ++c) {
        if (columnName(c) == name)
            return c;
    }
    return -1;
}

bool PgResult::isNull(int row, int column) const
{
    return !m_result || pq().PQgetisnull(m_result.get(), row, column);
}

QByteArrayView PgResult::bytes(int row, int column) const
{
    if (!m_result)
        return {};
    return QByteArrayView(pq().PQgetvalue(m_result.get(), row, column), pq().PQgetlength(m_result.get(), row, column));
}

QString PgResult::value(int row, int column) const
{
    if (isNull(row, column))
        return QString();
    return QString::fromUtf8(pq().PQgetvalue(m_result.get(), row, column), pq().PQgetlength(m_result.get(), row, column));
}

QString PgResult::value(int row, const QString &column) const
{
    const int index = columnIndex(column);
    return index < 0 ? QString() : value(row, index);
}

qint64 PgResult::affectedRows() const
{
    if (!m_result)
        return -1;
    const char *tuples = pq().PQcmdTuples(m_result.get());
    return (tuples && *tuples) ? QByteArray(tuples).toLongLong() : -1;
}

QString PgResult::commandTag() const
{
    return m_result ? QString::fromUtf8(pq().PQcmdStatus(m_result.get())) : QString();
}
