#pragma once

#include <QString>

#include <functional>

class QObject;

// The system keychain (Secret Service through QtKeychain, in the module opened after the first
// paint). Jobs are asynchronous; answers come back on the GUI thread. `available` false: no
// keychain could be reached, with its words in `error`.
class KeychainAccess {
public:
    using ReadDone = std::function<void(bool found, const QString &password, bool available, const QString &error)>;
    using WriteDone = std::function<void(bool ok, bool available, const QString &error)>;

    virtual ~KeychainAccess() = default;

    // A job lives no longer than `context`.
    virtual void read(const QString &service, const QString &key, QObject *context, ReadDone done) = 0;
    virtual void write(const QString &service, const QString &key, const QString &password, QObject *context, WriteDone done) = 0;
    virtual void remove(const QString &service, const QString &key, QObject *context, WriteDone done) = 0;
};
