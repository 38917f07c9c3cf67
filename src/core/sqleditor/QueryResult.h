#pragma once

#include "core/connection/DbError.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What one statement (or meta-command) run in the SQL editor gave: rows a page at a time from a
// server-side cursor, or a command's tag and rows affected; its notices, time, and error.
struct QueryResult {
    quint64 ticket = 0;
    QString title;          // "SELECT (line 3)", "\d daily_usage"
    QString statement;
    int line = 1;           // where the statement starts in the editor
    int column = 1;
    QStringList columns;
    QStringList types;      // format_type names, for showing values exactly
    QList<QStringList> rows;  // this page; QString() is NULL
    qint64 offset = 0;      // of the page's first row in the whole result
    bool more = false;      // the cursor has rows after this page: ask with fetchMore(ticket, ...)
    bool page = false;      // an answer to fetchMore, not a new result
    bool last = true;       // the last result of its run (a meta-command can give several)
    QString commandTag;     // "UPDATE 3"
    qint64 affectedRows = -1;
    QStringList notices;
    qint64 durationMs = 0;
    bool cancelled = false;
    DbError error;          // error.position is into `statement`
    bool ok() const { return !error.isError(); }
};
Q_DECLARE_METATYPE(QueryResult)

// How the editor runs statements on the current connection.
struct RunSettings {
    bool readOnly = true;   // the server refuses writes (BEGIN READ ONLY), as on a production profile
    QString role;           // view as: "anon", "authenticated", "service_role"; empty: the connection's own
    QString claims;         // request.jwt.claims for `role`
    int pageSize = 500;
};
Q_DECLARE_METATYPE(RunSettings)
