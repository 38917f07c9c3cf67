#pragma once

#include "core/sqleditor/QueryResult.h"

#include <QDateTime>
#include <QList>
#include <QString>

// One run of the SQL editor, as the history keeps it.
struct EditorRun {
    qint64 id = 0;
    QString profile;      // the connection's profile name, or its target when unsaved
    QDateTime at;         // UTC
    qint64 durationMs = 0;
    qint64 rows = -1;     // rows returned or affected
    bool ok = true;
    QString error;
    QString sql;
};

// The run of `sql` that ended with `result`, as the history keeps it (now, by `profile`).
EditorRun editorRunOf(const QString &profile, const QString &sql, const QueryResult &result);

// A saved query.
struct Snippet {
    QString name;
    QString sql;
    bool builtIn = false;  // one of the checks the console ships (the status document's first)
};

// The SQL editor's history and snippets: the console's own data, in a local SQLite file through Qt
// Sql's QSQLITE driver (never PostgreSQL). One connection per instance, from one thread.
class QueryHistory {
public:
    // Opens (and makes) the file; isOpen() false with error() when it cannot.
    explicit QueryHistory(const QString &path);
    ~QueryHistory();
    QueryHistory(const QueryHistory &) = delete;
    QueryHistory &operator=(const QueryHistory &) = delete;

    bool isOpen() const { return m_open; }
    const QString &error() const { return m_error; }

    bool add(const EditorRun &entry);
    // Newest first: the profile's runs whose SQL or error contains `text` (all when empty).
    QList<EditorRun> search(const QString &profile, const QString &text, int limit = 200) const;

    // The built-in snippets first, then the saved ones by name.
    QList<Snippet> snippets() const;
    bool saveSnippet(const QString &name, const QString &sql);
    bool removeSnippet(const QString &name);

    // The default file: <data dir>/sql-history.sqlite.
    static QString defaultPath();

private:
    bool fail(const QString &what, const QString &why) const;

    QString m_connectionName;
    bool m_open = false;
    mutable QString m_error;
};
