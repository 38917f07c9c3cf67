#pragma once

#include "db/pg/PgResult.h"

#include <QByteArrayView>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

struct pg_conn;
typedef struct pg_conn PGconn;
struct pg_cancel;
typedef struct pg_cancel PGcancel;

// RAII owner of one libpq connection. Used from a single worker thread, except cancel(), which
// any thread may call while a command runs (libpq's cancel request is thread-safe).
//
// Statements go through PQexec / PQexecParams (unnamed statements only), so the same code works
// behind PgBouncer or Supabase's transaction pooler, which reject named prepared statements.
class PgConnection {
public:
    PgConnection();
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Connects with libpq's rules: `conninfo` is a URI or key=value string (empty: PG* variables),
    // .pgpass is honoured. connect_timeout defaults to 10 s unless the string sets it.
    // Returns libpq's message on failure, empty on success. With `database`, that database of the
    // server `conninfo` names (same host, user and password).
    QString open(const QString &conninfo, const QString &applicationName = QStringLiteral("atlas-console"),
                 const QString &database = QString());
    void close();
    bool isOpen() const;
    // A second connection to where `other` is connected, with what it was opened with (a read
    // split across two connections that share a snapshot). libpq's message on failure.
    QString openLike(const PgConnection &other, const QString &applicationName);

    PgResult exec(const QString &sql);
    // Values bound as text parameters; a null QString (QString()) is sent as SQL NULL.
    PgResult execParams(const QString &sql, const QStringList &params);

    // Runs a COPY ... TO STDOUT and hands each row (one CopyData message) to `sink` as it arrives,
    // so memory stays bounded at any size. `sink` returns false to stop: the command is then
    // cancelled on the server. The result is the COPY's final status (its error when it failed,
    // was cancelled or was stopped).
    PgResult copyOut(const QString &sql, const std::function<bool(QByteArrayView row)> &sink);

    // "name" quoted as an identifier, 'value' as a literal, by libpq for this connection's
    // encoding; empty when not connected. Values go as parameters wherever a statement takes them;
    // these are for what cannot be a parameter (identifiers, and COPY, which takes none).
    QString quoteIdentifier(const QString &identifier) const;
    QString quoteLiteral(const QString &value) const;

    // Asks the server to cancel the running command, or abandons a connection attempt in
    // progress. Safe from any thread.
    bool cancel(QString *why = nullptr);

    // Server NOTICE/WARNING messages since the last call.
    QStringList takeNotices();
    // Called on the connection's thread for each notice as it arrives.
    void setNoticeHandler(std::function<void(const QString &)> handler);

    bool inTransaction() const;
    QString parameter(const char *name) const;  // server_version, ... (from the startup packet)
    QString host() const;
    int port() const;
    QString user() const;
    QString database() const;

private:
    static void receiveNotice(void *self, const struct pg_result *result);
    PgResult checked(PgResult result) const;

    PGconn *m_conn = nullptr;
    PGcancel *m_cancel = nullptr;
    QString m_conninfo;  // what open() was given, for openLike()
    QString m_database;
    std::atomic<bool> m_connectAborted{false};
    mutable QMutex m_cancelMutex;  // guards m_cancel against close() racing a cancel()
    QMutex m_noticeMutex;
    QStringList m_notices;
    std::function<void(const QString &)> m_noticeHandler;
};
