#pragma once

#include "core/run/ActionGuard.h"
#include "core/sqleditor/EditorScript.h"
#include "core/run/RunReport.h"
#include "core/sqleditor/QueryResult.h"

#include <QHash>
#include <QWidget>

#include <memory>

namespace Ui {
class SqlEditorTab;
}
class ExplainView;
class QueryHistory;
class ResultModel;
class SqlEditorWorker;
class SqlTextArea;
class SqlViewAsChooser;
class SqlWriteGuard;

// One editor of the SQL page with its own connection (its own transaction), its results (a tab
// per statement: a grid read page by page, or what the command did), its messages, EXPLAIN as a
// tree, and the safety of the environment: on production the server refuses writes until
// "Allow writes" is switched on with the database's name typed; a destructive statement on
// staging or production asks first; every statement's lint findings are said before it runs.
class SqlEditorTab : public QWidget {
    Q_OBJECT
public:
    SqlEditorTab(QueryHistory *history, QWidget *parent = nullptr);
    ~SqlEditorTab() override;

    void setConnection(const QString &conninfo, Environment environment, const QString &database, const QString &profile);
    SqlTextArea *editor() const { return m_editor; }
    QString filePath() const { return m_path; }
    void setFilePath(const QString &path) { m_path = path; }
    bool transactionOpen() const { return m_transactionOpen; }
    bool busy() const { return m_running != 0; }
    bool readOnly() const;

public slots:
    void runCurrent();   // the statement at the cursor, or the selection's
    void runAll();
    void explain(bool analyze);
    void dryRun();
    void cancel();

signals:
    void ran(const QString &sql, bool ok);  // each statement, after it finished
    void titleChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Connects the first time the tab is shown or runs something: a console that never opens the
    // SQL page keeps no connection for it.
    void ensureConnected();
    struct Pending {
        EditorUnit unit;
        bool explain = false;
        bool analyze = false;
    };
    void start(const QList<EditorUnit> &units, bool explain, bool analyze);
    void next();
    void showResult(const QueryResult &result);
    void showPlan(quint64 ticket, const QString &json, const DbError &error);
    void showDryRun(quint64 ticket, const RunReport &report);
    void finishOne(const QueryResult &result);
    void say(const QString &text);
    void setBusy(bool busy);
    void updateTransaction(bool open, bool aborted, const QString &message);
    RunSettings settings() const;

    std::unique_ptr<Ui::SqlEditorTab> m_ui;
    SqlTextArea *m_editor = nullptr;  // its widget is a child of this tab
    SqlViewAsChooser *m_viewAs = nullptr;
    SqlWriteGuard *m_guard = nullptr;
    QueryHistory *m_history;
    SqlEditorWorker *m_worker = nullptr;
    QString m_profile;
    QString m_path;
    QString m_conninfo;
    QString m_openedWith;  // the conninfo the worker was last asked to open
    bool m_expanded = false;
    bool m_timing = true;
    bool m_transactionOpen = false;
    QList<Pending> m_queue;
    QList<EditorUnit> m_dryRunUnits;  // the statements of the running dry run, for placing its error
    Pending m_current;
    quint64 m_nextTicket = 1;
    quint64 m_running = 0;
    QHash<quint64, ResultModel *> m_models;
};
