#pragma once

#include "core/connection/ConnectionProblem.h"
#include "core/connection/ConnectionProfile.h"

#include <QGroupBox>

#include <memory>
#include <optional>

namespace Ui {
class ConnectionBar;
}
class DbWorker;
class PasswordStore;

// The connection row at the top of the window: a saved profile or a connection string, Connect
// and Cancel. It asks the worker to connect, with a profile's password from the keychain (or
// libpq's ~/.pgpass), and never shows a password: the field holds the redacted string, and
// Connect on that unchanged field uses the real one.
class ConnectionBar : public QGroupBox {
    Q_OBJECT
public:
    ConnectionBar(DbWorker *worker, PasswordStore *passwords, QWidget *parent = nullptr);
    ~ConnectionBar() override;

    // A URI or key=value string; empty means PG* variables and .pgpass.
    void connectTo(const QString &conninfo);
    void connectToProfile(const ConnectionProfile &profile, const QString &typedPassword = QString());
    void setProfiles(const QList<ConnectionProfile> &profiles);
    // The profile of the current connection attempt, if it was made with one.
    const std::optional<ConnectionProfile> &activeProfile() const { return m_activeProfile; }
    // The connection string in use, password included, for the pages' own connections.
    const QString &conninfo() const { return m_conninfo; }

signals:
    void profilesRequested();
    // "Connecting to ...", a keychain that is not there, a failure in words (HTML).
    void statusChanged(const QString &html);

private:
    void connectWith(const QString &conninfo, const QString &status);
    void setBusy(bool busy);
    void showFailure(const ConnectionProblem &problem);
    QString conninfoFromField() const;

    std::unique_ptr<Ui::ConnectionBar> m_ui;
    DbWorker *m_worker;
    PasswordStore *m_passwords;
    QList<ConnectionProfile> m_profiles;
    std::optional<ConnectionProfile> m_activeProfile;
    QString m_conninfo;
};
