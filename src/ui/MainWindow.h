#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/connection/ServerInfo.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}
class BrowseWorker;
class BrowserPage;
class SqlPage;
class AdvisorsPage;
class ComparePage;
class ConnectionBar;
class DbWorker;
class EnvironmentsPage;
class MigrationsPage;
class PasswordStore;
class ProfilesDialog;
class ServerPage;
class TodoPage;

// The console's window: it makes the workers and the pages and wires them together. The
// connection row (ConnectionBar) connects; once connected, each page hears where it is and the
// band at the top says which environment it is.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects with a URI or key=value string; empty means PG* variables and .pgpass.
    void connectTo(const QString &conninfo);
    void showProfiles();
    // Connects with a saved profile: its password from the keychain (or libpq's ~/.pgpass).
    void connectToProfile(const ConnectionProfile &profile, const QString &typedPassword = QString());
    void setMigrationsFolder(const QString &folder);
    void setStatusDocument(const QString &path);
    MigrationsPage *migrationsPage() const { return m_migrations; }
    // The other pages (and the first screen's clear buttons) are made after the window's first
    // paint; asking for one makes them now.
    void makePages();
    TodoPage *todoPage() { makePages(); return m_todos; }
    EnvironmentsPage *environmentsPage() { makePages(); return m_environments; }
    BrowserPage *browserPage() { makePages(); return m_browser; }
    SqlPage *sqlPage() { makePages(); return m_sql; }
    AdvisorsPage *advisorsPage() { makePages(); return m_advisors; }
    ComparePage *comparePage() { makePages(); return m_compare; }
    ServerPage *serverPage() { makePages(); return m_server; }
    // The profiles dialog, created on first use (tests drive it directly).
    ProfilesDialog *profilesDialog();
    const QList<ConnectionProfile> &profiles() const { return m_profiles; }

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

signals:
    // Emitted once the attempt has ended either way (for scripts and tests).
    void connectionSettled(bool ok);

private:
    void addPages();
    void connectPages();
    void showPage(int index);
    void showFolderInPages();
    void showProfilesInPages();
    void showConnectionInPages(const ServerInfo &info);
    Environment environmentOf(const ServerInfo &info) const;
    void showConnected(const ServerInfo &info);
    void showDisconnected();
    void showEnvironment(const QString &text, const QString &background, const QString &foreground);
    void reloadProfiles();
    // The connection waits for the first paint (see connectOncePainted in the .cpp).
    void connectOncePainted(std::function<void()> connect);
    void connectNow();
    void afterFirstPaint();

    std::unique_ptr<Ui::MainWindow> m_ui;
    DbWorker *m_worker;
    BrowseWorker *m_browseWorker;
    PasswordStore *m_passwords;
    ConnectionBar *m_connection;
    MigrationsPage *m_migrations = nullptr;
    TodoPage *m_todos = nullptr;
    BrowserPage *m_browser = nullptr;
    SqlPage *m_sql = nullptr;
    AdvisorsPage *m_advisors = nullptr;
    EnvironmentsPage *m_environments = nullptr;
    ComparePage *m_compare = nullptr;
    ServerPage *m_server = nullptr;
    ProfilesDialog *m_profilesDialog = nullptr;
    QList<ConnectionProfile> m_profiles;
    std::optional<ServerInfo> m_serverInfo;  // of the current connection
    QString m_folder;
    QString m_statusDocument;
    bool m_makingPages = false;
    bool m_environmentsShown = false;
    bool m_painted = false;
    std::function<void()> m_connectAfterPaint;
};
