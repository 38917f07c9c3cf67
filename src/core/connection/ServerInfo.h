#pragma once

#include "core/connection/ConnectionTarget.h"

#include <QMetaType>
#include <QString>

// What the console knows about the server it is connected to, as plain values.
struct ServerInfo {
    QString serverVersion;  // "15.18"
    QString versionString;  // version()
    QString database;
    QString user;
    QString host;           // as libpq used it (a socket directory for Unix sockets)
    int port = 0;
    ConnectionTarget target;
    bool hasAuthSchema = false;         // auth.users and auth.uid(): Supabase or its local stand-in
    bool isSupabaseServer = false;      // Supabase's own roles exist (supabase_admin)
    bool hasPgCron = false;
    bool readOnly = false;              // default_transaction_read_only or a standby
    bool hasMigrationHistory = false;   // supabase_migrations.schema_migrations exists

    // "local PostgreSQL 15.18, Supabase-like (auth schema present)"
    QString looksLike() const;
    // "db.abc.supabase.co:5432", or "Unix socket in /run/postgresql, port 5432"
    QString address() const;
};
Q_DECLARE_METATYPE(ServerInfo)
