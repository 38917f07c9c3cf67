#pragma once

#include <QByteArray>
#include <QString>

// One script of a migration as read from disk: its path, its text and its checksum.
struct MigrationScript {
    QString path;      // empty when the migration has no such script
    QString fileName;  // as shown in messages: "20250918_x.down.sql"
    QString sql;       // decoded UTF-8, without a byte-order mark

    bool exists() const { return !path.isEmpty(); }
    // A line "-- atlas:no-transaction" among the file's leading comment lines: the script runs
    // statement by statement, not atomically.
    bool runsOutsideTransaction() const;
    // Marked so and with a statement that needs it: it then runs statement by statement (a
    // marked file without such a statement still runs in one transaction). Parses the script.
    bool runsStatementByStatement() const;
    // Hex SHA-256 of the text (the file's bytes, less a byte-order mark). Computed on first use:
    // a status of a thousand migrations needs none of them.
    QByteArray sha256() const;
    // MD5 hex of the statements as the Supabase CLI records them (splitLikeSupabaseCli, joined by
    // U+001F): what the status compares with the history row's digest. Cached like sha256().
    QByteArray cliStatementsDigest() const;

private:
    mutable QByteArray m_sha256;
    mutable QByteArray m_cliStatementsDigest;
};

// A migration of a folder: <version>_<name>.sql, with its optional .down.sql and .verify.sql.
struct MigrationFile {
    QString version;  // digits, as in the file name ("20250918")
    QString name;     // "create_usage_tracking_tables"
    MigrationScript up;
    MigrationScript down;
    MigrationScript verify;

    QString displayName() const { return version + QLatin1Char('_') + name; }
};

// Orders versions as numbers of any length ("9" < "10" < "20250918" < "20251002090000").
bool versionLess(const QString &a, const QString &b);
