#pragma once

#include <QString>

// Where a connection goes, judged from the host and port alone (before or without connecting).
enum class TargetKind {
    Local,                      // loopback, a Unix socket, or "localhost"
    SupabaseDirect,             // db.<ref>.supabase.co:5432
    SupabaseSessionPooler,      // <region>.pooler.supabase.com:5432
    SupabaseTransactionPooler,  // <region>.pooler.supabase.com:6543, or db.<ref>.supabase.co:6543
    Remote,                     // anything else
};

struct ConnectionTarget {
    TargetKind kind = TargetKind::Remote;
    QString host;  // as given; empty means the default Unix socket
    int port = 5432;
    QString projectRef;  // Supabase project reference, when the host or user names one

    bool isSupabase() const;
    bool isTransactionPooler() const { return kind == TargetKind::SupabaseTransactionPooler; }
    QString describe() const;  // "Supabase transaction pooler (project abcd)"
};

// `user` helps with pooler hosts, whose user names carry the project: postgres.<ref>.
ConnectionTarget classifyTarget(const QString &host, int port, const QString &user = QString());

QString targetKindName(TargetKind kind);
