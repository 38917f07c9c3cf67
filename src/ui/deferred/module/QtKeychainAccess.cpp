#include "ui/deferred/module/QtKeychainAccess.h"

#include <qt6keychain/keychain.h>

namespace {

bool backendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::AccessDeniedByUser
        || error == QKeychain::OtherError;
}

}  // namespace

void QtKeychainAccess::read(const QString &service, const QString &key, QObject *context, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(service, context);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done](QKeychain::Job *) {
        if (job->error() == QKeychain::NoError)
            done(true, job->textData(), true, QString());
        else if (job->error() == QKeychain::EntryNotFound)
            done(false, QString(), true, QString());
        else
            done(false, QString(), !backendMissing(job->error()), job->errorString());
    });
    job->start();
}

void QtKeychainAccess::write(const QString &service, const QString &key, const QString &password, QObject *context, WriteDone done)
{
    auto *job = new QKeychain::WritePasswordJob(service, context);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done](QKeychain::Job *) {
        const bool ok = job->error() == QKeychain::NoError;
        done(ok, ok || !backendMissing(job->error()), ok ? QString() : job->errorString());
    });
    job->start();
}

void QtKeychainAccess::remove(const QString &service, const QString &key, QObject *context, WriteDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(service, context);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done](QKeychain::Job *) {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(ok, ok || !backendMissing(job->error()), ok ? QString() : job->errorString());
    });
    job->start();
}
