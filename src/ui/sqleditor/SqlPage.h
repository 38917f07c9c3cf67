#pragma once

#include "core/run/ActionGuard.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SqlPage;
}
class QueryHistory;
class SqlEditorTab;

// The SQL page: tabs of editors (each with its own connection and transaction), .sql files opened
// and saved, the snippets (the status document's checks first) and the history of the connected
// profile, searchable, kept in a local SQLite file across restarts.
class SqlPage : public QWidget {
    Q_OBJECT
public:
    // `historyPath`: the SQLite file (QueryHistory::defaultPath() in the console).
    explicit SqlPage(const QString &historyPath, QWidget *parent = nullptr);
    ~SqlPage() override;

    void setConnection(const QString &conninfo, Environment environment, const QString &database, const QString &profile);
    SqlEditorTab *currentEditor() const;
    SqlEditorTab *newTab(const QString &text = QString());
    bool openFile(const QString &path, QString *error);
    bool saveFile(SqlEditorTab *tab, const QString &path, QString *error);
    // Asks before closing a tab whose transaction is open; false when the user keeps it.
    bool closeTab(int index);
    QueryHistory *history() const { return m_history.get(); }
    void setMigrationsFolder(const QString &folder) { m_folder = folder; }
    // The tab's SQL as <version>_<name>.sql in the migrations folder with a derived down file;
    // `said` tells what was written, or why nothing was.
    bool saveAsMigration(SqlEditorTab *tab, const QString &name, QString *said);
    void refreshHistory();
    void refreshSnippets();

signals:
    void migrationSaved(const QString &version);

private:
    std::unique_ptr<Ui::SqlPage> m_ui;
    std::unique_ptr<QueryHistory> m_history;
    QString m_folder;
    QString m_conninfo;
    Environment m_environment = Environment::Production;
    QString m_database;
    QString m_profile;
    bool m_connected = false;
};
