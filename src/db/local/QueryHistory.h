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

// The SQL editor's history and snippets: the console's own data, never PostgreSQL. The SQLite
// file through Qt Sql is SqliteQueryHistory, in the module of later parts (Qt Sql is one of the
// libraries the first screen does not need); ui/deferred/DeferredParts opens one.
class QueryHistory {
public:
    virtual ~QueryHistory() = default;

    virtual bool isOpen() const = 0;
    // Why it is not open, or why the last change failed.
    virtual QString error() const = 0;

    virtual bool add(const EditorRun &entry) = 0;
    // Newest first: the profile's runs whose SQL or error contains `text` (all when empty).
    virtual QList<EditorRun> search(const QString &profile, const QString &text, int limit = 200) const = 0;

    // The built-in snippets first, then the saved ones by name (the built-in ones also when the
    // history is not open).
    QList<Snippet> snippets() const;
    virtual bool saveSnippet(const QString &name, const QString &sql) = 0;
    virtual bool removeSnippet(const QString &name) = 0;

    static QList<Snippet> builtInSnippets();
    // The default file: <data dir>/sql-history.sqlite.
    static QString defaultPath();

protected:
    virtual QList<Snippet> savedSnippets() const = 0;
};
