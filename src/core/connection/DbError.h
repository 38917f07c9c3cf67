#pragma once

#include <QString>

// An error as PostgreSQL (or libpq, for client-side failures) reported it, kept whole: the
// SQLSTATE, detail and hint are what make a message actionable, so nothing is flattened away.
struct DbError {
    QString sqlState;  // five characters; empty when the failure happened in the client
    QString severity;  // ERROR, FATAL, ...
    QString message;   // the primary message
    QString detail;
    QString hint;
    QString context;
    int position = 0;  // 1-based character offset into the statement, 0 when unknown

    bool isError() const { return !message.isEmpty(); }

    // "ERROR 42P01: relation "x" does not exist\nDETAIL: ...\nHINT: ..."
    QString toString() const;
};
