#include "db/pg/PgConnection.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QMutexLocker>

#include "db/pg/Libpq.h"

#include <cerrno>
#include <poll.h>
#include <vector>

PgConnection::PgConnection() = default;

PgConnection::~PgConnection() { close(); }

namespace {

// The connect_timeout in effect (libpq leaves timing to the caller of PQconnectPoll).
int connectTimeoutSeconds(PGconn *conn)
{
    int seconds = 10;
    if (PQconninfoOption *options = pq().PQconninfo(conn)) {
        for (PQconninfoOption *option = options; option->keyword; ++option) {
            if (qstrcmp(option->keyword, "connect_timeout") == 0 && option->val)
                seconds = QByteArray(option->val).toInt();
        }
        pq().PQconninfoFree(options);
    }
    return seconds > 0 ? seconds : 10;
}

}  // namespace

QString PgConnection::open(const QString &conninfo, const QString &applicationName, const QString &database)
{
    close();
    m_connectAborted = false;
    if (const QString missing = Libpq::load(); !missing.isEmpty())
        return missing;
    const QByteArray dsn = conninfo.toUtf8();
    const QByteArray app = applicationName.toUtf8();
    const QByteArray otherDatabase = database.toUtf8();
    // Later keywords win: our defaults come first so that the user's string overrides them, and
    // the encoding last, in the startup packet (a SET afterwards would be session state that a
    // transaction pooler does not keep).
    // Only the first dbname is expanded as a connection string; a second one names the database.
    const char *keywords[] = {"connect_timeout", "fallback_application_name", "dbname", "dbname", "client_encoding", nullptr};
    const char *values[] = {"10", app.constData(), dsn.isEmpty() ? nullptr : dsn.constData(),
                            database.isEmpty() ? nullptr : otherDatabase.constData(), "UTF8", nullptr};
    // Non-blocking connect, so that cancel() can abandon an attempt that hangs.
    PGconn *conn = pq().PQconnectStartParams(keywords, values, 1);
    if (!conn)
        return QStringLiteral("out of memory while connecting");
    const auto fail = [conn](const QString &fallback) {
        QString message = QString::fromUtf8(pq().PQerrorMessage(conn)).trimmed();
        pq().PQfinish(conn);
        return message.isEmpty() ? fallback : message;
    };
    if (pq().PQstatus(conn) == CONNECTION_BAD)
        return fail(QStringLiteral("connection failed"));

    QDeadlineTimer deadline(std::chrono::seconds(connectTimeoutSeconds(conn)));
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
        if (state == PGRES_POLLING_FAILED)
            return fail(QStringLiteral("connection failed"));
        pollfd descriptor{pq().PQsocket(conn), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        int ready = 0;
        while (ready == 0) {
            if (m_connectAborted) {
                pq().PQfinish(conn);
                return QStringLiteral("connection attempt cancelled");
            }
            if (deadline.hasExpired()) {
                pq().PQfinish(conn);
                return QStringLiteral("timeout expired while connecting");
            }
            ready = ::poll(&descriptor, 1, 100);  // wake up often enough to notice a cancel
            if (ready < 0 && errno == EINTR)
                ready = 0;
        }
        state = pq().PQconnectPoll(conn);
    }
    m_conn = conn;
    m_conninfo = conninfo;
    m_database = database;
    pq().PQsetNoticeReceiver(m_conn, &PgConnection::receiveNotice, this);
    QMutexLocker lock(&m_cancelMutex);
    m_cancel = pq().PQgetCancel(m_conn);
    return QString();
}

QString PgConnection::openLike(const PgConnection &other, const QString &applicationName)
{
    if (!other.m_conn)
        return QStringLiteral("not connected");
    return open(other.m_conninfo, applicationName, other.m_database);
}

void PgConnection::close()
{
    {
        QMutexLocker lock(&m_cancelMutex);
        if (m_cancel) {
            pq().PQfreeCancel(m_cancel);
            m_cancel = nullptr;
        }
    }
    if (m_conn) {
        pq().PQfinish(m_conn);
        m_conn = nullptr;
    }
}

bool PgConnection::isOpen() const { return m_conn && pq().PQstatus(m_conn) == CONNECTION_OK; }

PgResult PgConnection::exec(const QString &sql)
{
    if (!m_conn)
        return PgResult::failure(DbError{{}, {}, QStringLiteral("not connected"), {}, {}, {}, 0});
    return checked(PgResult(pq().PQexec(m_conn, sql.toUtf8().constData())));
}

PgResult PgConnection::execParams(const QString &sql, const QStringList &params)
{
    if (!m_conn)
        return PgResult::failure(DbError{{}, {}, QStringLiteral("not connected"), {}, {}, {}, 0});
    std::vector<QByteArray> storage;
    storage.reserve(params.size());
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const QString &param : params) {
        storage.push_back(param.toUtf8());
        values.push_back(param.isNull() ? nullptr : storage.back().constData());
    }
    return checked(PgResult(pq().PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr,
                                         values.data(), nullptr, nullptr, 0)));
}

PgResult PgConnection::checked(PgResult result) const
{
    if (!result.ok() && m_conn && pq().PQstatus(m_conn) == CONNECTION_BAD)
        result.markConnectionLost();
    return result;
}

PgResult PgConnection::copyOut(const QString &sql, const std::function<bool(QByteArrayView row)> &sink)
{
    if (!m_conn)
        return PgResult::failure(DbError{{}, {}, QStringLiteral("not connected"), {}, {}, {}, 0});
    if (!pq().PQsendQuery(m_conn, sql.toUtf8().constData()))
        return checked(PgResult::failure(
            DbError{{}, {}, QString::fromUtf8(pq().PQerrorMessage(m_conn)).trimmed(), {}, {}, {}, 0}));
    PgResult started(pq().PQgetResult(m_conn));
    if (pq().PQresultStatus(started.m_result.get()) != PGRES_COPY_OUT) {
        while (PGresult *rest = pq().PQgetResult(m_conn))
            pq().PQclear(rest);
        return checked(started.ok() ? PgResult::failure(DbError{{}, {}, QStringLiteral("not a COPY TO STDOUT"), {}, {}, {}, 0})
                                    : started);
    }
    bool stopped = false;
    DbError clientError;
    while (true) {
        char *buffer = nullptr;
        const int length = pq().PQgetCopyData(m_conn, &buffer, 0);
        if (length == -1)
            break;  // done; the final status follows
        if (length < 0) {
            clientError.message = QString::fromUtf8(pq().PQerrorMessage(m_conn)).trimmed();
            break;
        }
        if (!stopped && !sink(QByteArrayView(buffer, length))) {
            stopped = true;
            cancel();  // the rows still on their way are read and dropped
        }
        pq().PQfreemem(buffer);
    }
    // Drain: the COPY's own status tells whether it finished or was cancelled.
    PgResult final = PgResult::failure(clientError);
    while (PGresult *result = pq().PQgetResult(m_conn)) {
        PgResult next(result);
        if (!clientError.isError() && (final.ok() || !next.ok()))
            final = next;
    }
    if (stopped && final.ok())
        final = PgResult::failure(DbError{{}, {}, QStringLiteral("stopped by the receiver"), {}, {}, {}, 0});
    return checked(final);
}

QString PgConnection::quoteIdentifier(const QString &identifier) const
{
    if (!m_conn)
        return QString();
    const QByteArray utf8 = identifier.toUtf8();
    char *quoted = pq().PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString result = quoted ? QString::fromUtf8(quoted) : QString();
    pq().PQfreemem(quoted);
    return result;
}

QString PgConnection::quoteLiteral(const QString &value) const
{
    if (!m_conn)
        return QString();
    const QByteArray utf8 = value.toUtf8();
    char *quoted = pq().PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString result = quoted ? QString::fromUtf8(quoted) : QString();
    pq().PQfreemem(quoted);
    return result;
}

bool PgConnection::cancel(QString *why)
{
    m_connectAborted = true;  // abandons a connection attempt in progress
    QMutexLocker lock(&m_cancelMutex);
    if (!m_cancel) {
        if (why)
            *why = QStringLiteral("not connected");
        return false;
    }
    char buffer[256] = {};
    const bool sent = pq().PQcancel(m_cancel, buffer, sizeof buffer) == 1;
    if (!sent && why)
        *why = QString::fromUtf8(buffer);
    return sent;
}

QStringList PgConnection::takeNotices()
{
    QMutexLocker lock(&m_noticeMutex);
    QStringList notices;
    notices.swap(m_notices);
    return notices;
}

void PgConnection::setNoticeHandler(std::function<void(const QString &)> handler)
{
    m_noticeHandler = std::move(handler);
}

void PgConnection::receiveNotice(void *self, const PGresult *result)
{
    auto *connection = static_cast<PgConnection *>(self);
    const char *severity = pq().PQresultErrorField(result, PG_DIAG_SEVERITY);
    const char *primary = pq().PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const QString text = QStringLiteral("%1: %2").arg(QString::fromUtf8(severity ? severity : "NOTICE"),
                                                       QString::fromUtf8(primary ? primary : ""));
    {
        QMutexLocker lock(&connection->m_noticeMutex);
        connection->m_notices.append(text);
    }
    if (connection->m_noticeHandler)
        connection->m_noticeHandler(text);
}

bool PgConnection::inTransaction() const
{
    return m_conn && pq().PQtransactionStatus(m_conn) != PQTRANS_IDLE;
}

QString PgConnection::parameter(const char *name) const
{
    const char *value = m_conn ? pq().PQparameterStatus(m_conn, name) : nullptr;
    return value ? QString::fromUtf8(value) : QString();
}

QString PgConnection::host() const { return m_conn ? QString::fromUtf8(pq().PQhost(m_conn)) : QString(); }

int PgConnection::port() const { return m_conn ? QByteArray(pq().PQport(m_conn)).toInt() : 0; }

QString PgConnection::user() const { return m_conn ? QString::fromUtf8(pq().PQuser(m_conn)) : QString(); }

QString PgConnection::database() const { return m_conn ? QString::fromUtf8(pq().PQdb(m_conn)) : QString(); }
