#pragma once

#include "core/connection/ConnectionProblem.h"
#include "core/connection/ConnectionProfile.h"
#include "core/connection/ServerInfo.h"

#include <QMainWindow>

#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}
class DbWorker;
class MigrationsPage;
class TodoPage;
class PasswordStore;
class ProfilesDialog;
class EnvironmentsPage;
class BrowserPage;

// The console's window: the connection, and what the server turned out to be.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects with a URI or key=value string; empty means PG* variables and .pgpass.
    void connectTo(const QString &conninfo);
    void setMigrationsFolder(const QString &folder);
    MigrationsPage *migrationsPage() const { return m_migrations; }
    void setStatusDocument(const QString &path);
    TodoPage *todoPage() const { return m_todos; }
    EnvironmentsPage *environmentsPage() const { return m_environments; }
    BrowserPage *browserPage() const { return m_browser; }
    // Connects with a saved profile: its password from the keychain (or libpq's ~/.pgpass).
    void connectToProfile(const ConnectionProfile &profile, const QString &typedPassword = QString());
    // The profiles dialog, created on first use (tests drive it directly).
    ProfilesDialog *profilesDialog();
    const QList<ConnectionProfile> &profiles() const { return m_profiles; }

protected:
    void closeEvent(QCloseEvent *event) override;

signals:
    // Emitted once the attempt has ended either way (for scripts and tests).
    void connectionSettled(bool ok);

private:
    void showConnected(const ServerInfo &info);
    void showFailure(const ConnectionProblem &problem);
    void setBusy(bool busy);
    void showEnvironment(const QString &text, const QString &background, const QString &foreground);
    void reloadProfiles();

    // What the connection field means: the field shows a redacted string when the real one holds
    // a password, and clicking Connect on that unchanged field uses the real one.
    QString conninfoFromField() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    DbWorker *m_worker = nullptr;
    QString m_conninfo;
    MigrationsPage *m_migrations = nullptr;
    TodoPage *m_todos = nullptr;
    PasswordStore *m_passwords = nullptr;
    EnvironmentsPage *m_environments = nullptr;
    BrowserPage *m_browser = nullptr;
    ProfilesDialog *m_profilesDialog = nullptr;
    QList<ConnectionProfile> m_profiles;
    std::optional<ConnectionProfile> m_activeProfile;  // the profile of the current connection
};
