#pragma once

#include <QString>

// ~/.pgpass (or $PGPASSFILE): libpq's own password file, the fallback when no system keychain
// is reachable. Lines are host:port:database:user:password with ':' and '\' escaped.
namespace PgPassFile {

QString path();  // $PGPASSFILE, else ~/.pgpass
QString escape(const QString &field);
// Adds or replaces the line for host, port, database and user; the file is created with mode
// 0600 (libpq ignores a file others can read). False with `error` set on failure.
bool upsert(const QString &file, const QString &host, int port, const QString &database, const QString &user,
            const QString &password, QString *error);

}  // namespace PgPassFile
