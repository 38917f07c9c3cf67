#pragma once

#include "db/local/QueryHistory.h"

// The history and snippets in a local SQLite file through Qt Sql's QSQLITE driver. One connection
// per instance, from one thread. Built into the module of later parts.
class SqliteQueryHistory : public QueryHistory {
public:
    // Opens (and makes) the file; isOpen() false with error() when it cannot.
    explicit SqliteQueryHistory(const QString &path);
    ~SqliteQueryHistory() override;
    SqliteQueryHistory(const SqliteQueryHistory &) = delete;
    SqliteQueryHistory &operator=(const SqliteQueryHistory &) = delete;

    bool isOpen() const override { return m_open; }
    QString error() const override { return m_error; }
    bool add(const EditorRun &entry) override;
    QList<EditorRun> search(const QString &profile, const QString &text, int limit) const override;
    bool saveSnippet(const QString &name, const QString &sql) override;
    bool removeSnippet(const QString &name) override;

protected:
    QList<Snippet> savedSnippets() const override;

private:
    bool fail(const QString &what, const QString &why) const;

    QString m_connectionName;
    bool m_open = false;
    mutable QString m_error;
};
