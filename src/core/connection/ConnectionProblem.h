#pragma once

#include <QString>

// Why a connection attempt failed, in the terms a user can act on. libpq reports connection
// failures as text only (there is no SQLSTATE before a session exists), so this reads the text.
enum class ConnectionProblemKind {
    NameResolution,  // the host name does not resolve
    Refused,         // nothing listens at host:port
    Timeout,         // no answer within connect_timeout
    Authentication,  // wrong or missing password, or pg_hba rejects the user
    Ssl,             // TLS required but refused, or certificate problems
    NoDatabase,      // the database does not exist
    NoRole,          // the user does not exist
    BadConnectionString,
    TooManyConnections,
    Other,
};

struct ConnectionProblem {
    ConnectionProblemKind kind = ConnectionProblemKind::Other;
    QString summary;  // one line: "Connection refused by 127.0.0.1:5432"
    QString advice;   // what to check next
    QString raw;      // libpq's own text, unchanged
};

ConnectionProblem classifyConnectionProblem(const QString &libpqMessage);
QString connectionProblemKindName(ConnectionProblemKind kind);
