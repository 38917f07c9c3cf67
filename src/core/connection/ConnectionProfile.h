#pragma once

#include "core/run/ActionGuard.h"

#include <QList>
#include <QString>

// A saved connection: where, as whom, and which environment it is. Never holds a password:
// that lives in the system keychain (or ~/.pgpass), looked up by keychainKey().
struct ConnectionProfile {
    enum class Source { Uri, Fields, Supabase };
    enum class SupabaseMode { Direct, SessionPooler, TransactionPooler };

    QString id;  // stable, for the keychain entry
    QString name;
    Environment environment = Environment::Local;
    Source source = Source::Fields;

    QString uri;  // Source::Uri, without a password
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database = QStringLiteral("postgres");
    QString user = QStringLiteral("postgres");
    QString sslMode;      // empty: "require" for anything not local, libpq's default otherwise
    QString sslRootCert;  // CA file for verify-ca / verify-full

    QString projectRef;   // Source::Supabase
    QString region = QStringLiteral("eu-central-1");
    SupabaseMode supabaseMode = SupabaseMode::SessionPooler;

    // libpq key=value string (values quoted), with `password` when given.
    QString conninfo(const QString &password = QString()) const;
    // Host, port, user and database as the connection will use them.
    QString effectiveHost() const;
    int effectivePort() const;
    QString effectiveUser() const;
    QString effectiveDatabase() const;
    QString effectiveSslMode() const;
    QString keychainKey() const { return QStringLiteral("profile/") + id; }
    QString describe() const;  // "production · Supabase transaction pooler (project abcd)"
    // Empty when usable; else what is missing or wrong, field by field.
    QStringList problems() const;
};

// A URI's password, removed: profiles store the rest, the keychain the password.
QString stripPasswordFromUri(const QString &uri, QString *password);
// Quotes a libpq key=value value: 'it''s' style is not libpq's; it wants \' and \\.
QString quoteConninfoValue(const QString &value);
QString sourceName(ConnectionProfile::Source source);
QString supabaseModeName(ConnectionProfile::SupabaseMode mode);
