#pragma once

#include "ui/deferred/KeychainAccess.h"

#include <QObject>
#include <QString>

// Passwords in the system keychain (Secret Service through QtKeychain, in the module of later
// parts: ui/deferred). Jobs are asynchronous; answers come back on the GUI thread. When no
// keychain is reachable (headless, no session bus: "Cannot autolaunch D-Bus"; or the module is
// missing), `available` comes back false with the reason, and the caller falls back to ~/.pgpass.
class PasswordStore : public QObject {
    Q_OBJECT
public:
    using ReadDone = KeychainAccess::ReadDone;
    using WriteDone = KeychainAccess::WriteDone;

    explicit PasswordStore(QObject *parent = nullptr);

    void read(const QString &key, ReadDone done);
    void write(const QString &key, const QString &password, WriteDone done);
    void remove(const QString &key, WriteDone done);

    static QString service() { return QStringLiteral("atlas-console"); }

private:
    // Why there is no keychain when the module could not be opened.
    static QString unreachable();
};
