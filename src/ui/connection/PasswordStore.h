#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Passwords in the system keychain (Secret Service through QtKeychain). Jobs are asynchronous;
// answers come back on the GUI thread. When no keychain is reachable (headless, no session bus:
// "Cannot autolaunch D-Bus"), `available` comes back false with the keychain's own words, and the
// caller falls back to ~/.pgpass.
class PasswordStore : public QObject {
    Q_OBJECT
public:
    using ReadDone = std::function<void(bool found, const QString &password, bool available, const QString &error)>;
    using WriteDone = std::function<void(bool ok, bool available, const QString &error)>;

    explicit PasswordStore(QObject *parent = nullptr);

    void read(const QString &key, ReadDone done);
    void write(const QString &key, const QString &password, WriteDone done);
    void remove(const QString &key, WriteDone done);

    static QString service() { return QStringLiteral("atlas-console"); }
};
