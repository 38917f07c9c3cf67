#pragma once

#include "ui/deferred/KeychainAccess.h"

// KeychainAccess through QtKeychain: the Secret Service on Linux. A backend that is missing
// (headless, no session bus: "Cannot autolaunch D-Bus"), refused or failing counts as
// unavailable; an entry not found does not.
class QtKeychainAccess : public KeychainAccess {
public:
    void read(const QString &service, const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &service, const QString &key, const QString &password, QObject *context, WriteDone done) override;
    void remove(const QString &service, const QString &key, QObject *context, WriteDone done) override;
};
