#include "core/connection/ServerInfo.h"

QString ServerInfo::looksLike() const
{
    QString text;
    if (target.isSupabase())
        text = target.describe();
    else if (isSupabaseServer && target.kind != TargetKind::Local)
        text = QStringLiteral("Supabase (%1 host)").arg(targetKindName(target.kind));
    else
        text = QStringLiteral("%1 PostgreSQL").arg(targetKindName(target.kind));
    text += QStringLiteral(", PostgreSQL %1").arg(serverVersion);
    // Locally: Supabase's roles and schemas (scripts/localdb, or `supabase start`), or a part.
    if (!target.isSupabase() && target.kind == TargetKind::Local && isSupabaseServer)
        text += QStringLiteral(", shaped like a Supabase project (its roles and schemas)");
    else if (!target.isSupabase() && !isSupabaseServer)
        text += hasAuthSchema ? QStringLiteral(", Supabase-like (auth schema present)")
                              : QStringLiteral(", no Supabase auth schema");
    if (readOnly)
        text += QStringLiteral(", read-only");
    return text;
}

QString ServerInfo::address() const
{
    return host.startsWith(QLatin1Char('/')) ? QStringLiteral("Unix socket in %1, port %2").arg(host).arg(port)
                                             : QStringLiteral("%1:%2").arg(host).arg(port);
}
