#include "ui/connection/PasswordStore.h"

#include <qt6keychain/keychain.h>

namespace {

bool backendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::AccessDeniedByUser
        || error == QKeychain::OtherError;
}

}  // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

void PasswordStore::read(const QString &key, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        if (job->error() == QKeychain::NoError)
            done(true, job->textData(), true, QString());
        else if (job->error() == QKeychain::EntryNotFound)
            done(false, QString(), true, QString());
        else
            done(false, QString(), !backendMissing(job->error()), job->errorString());
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password, WriteDone done)
{
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        const bool ok = job->error() == QKeychain::NoError;
        done(ok, ok || !backendMissing(job->error()), ok ? QString() : job->errorString());
    });
    job->start();
}

void PasswordStore::remove(const QString &key, WriteDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(ok, ok || !backendMissing(job->error()), ok ? QString() : job->errorString());
    });
    job->start();
}
