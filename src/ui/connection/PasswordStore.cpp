#include "ui/connection/PasswordStore.h"

#include "ui/deferred/DeferredParts.h"
#include "ui/deferred/KeychainAccess.h"

#include <QTimer>

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

void PasswordStore::read(const QString &key, ReadDone done)
{
    if (KeychainAccess *keychain = DeferredParts::keychain())
        keychain->read(service(), key, this, std::move(done));
    else  // answered later, as a job would be
        QTimer::singleShot(0, this, [done] { done(false, QString(), false, unreachable()); });
}

void PasswordStore::write(const QString &key, const QString &password, WriteDone done)
{
    if (KeychainAccess *keychain = DeferredParts::keychain())
        keychain->write(service(), key, password, this, std::move(done));
    else
        QTimer::singleShot(0, this, [done] { done(false, false, unreachable()); });
}

void PasswordStore::remove(const QString &key, WriteDone done)
{
    if (KeychainAccess *keychain = DeferredParts::keychain())
        keychain->remove(service(), key, this, std::move(done));
    else
        QTimer::singleShot(0, this, [done] { done(false, false, unreachable()); });
}

QString PasswordStore::unreachable()
{
    return tr("the keychain cannot be reached: %1").arg(DeferredParts::problem());
}
