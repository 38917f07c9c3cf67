#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

struct SqlScript;

// One script of a migration as read from disk: its path, its text, and what is derived from the
// text (checksum, the statements as PostgreSQL's parser sees them, the statements as the Supabase
// CLI splits them). Each is computed once, on first use, and shared by every copy of the value,
// from any thread: the runner, the preview, the history, the linter and the screens all read the
// same parse of a file, and a status of a thousand migrations parses none of them.
class MigrationScript {
public:
    MigrationScript() = default;  // the migration has no such script
    // `sql` empty: the file is there but could not be used (the folder's issues say why).
    MigrationScript(QString path, QString fileName, QString sql);

    const QString &path() const { return m_path; }
    const QString &fileName() const { return m_fileName; }  // as shown in messages: "20250918_x.down.sql"
    const QString &sql() const { return m_sql; }            // decoded UTF-8, without a byte-order mark

    bool exists() const { return !m_path.isEmpty(); }
    // A line "-- atlas:no-transaction" among the file's leading comment lines: the script runs
    // statement by statement, not atomically.
    bool runsOutsideTransaction() const;
    // Marked so and with a statement that needs it: it then runs statement by statement (a
    // marked file without such a statement still runs in one transaction).
    bool runsStatementByStatement() const;

    // The parse: statements with positions, classes, risks and locks, or the syntax error.
    const SqlScript &parsed() const;
    // The statements as the Supabase CLI records them in its history (splitLikeSupabaseCli).
    const QStringList &cliStatements() const;
    // Hex SHA-256 of the text (the file's bytes, less a byte-order mark).
    const QByteArray &sha256() const;
    // MD5 hex of cliStatements() joined by U+001F: what the status compares with the history row.
    const QByteArray &cliStatementsDigest() const;

private:
    struct Derived;

    QString m_path;
    QString m_fileName;
    QString m_sql;
    std::shared_ptr<Derived> m_derived;
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
