#include "core/connection/ConnectionTarget.h"

#include <QRegularExpression>

namespace {

bool isLoopbackOrSocket(const QString &host)
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@')))
        return true;  // Unix-domain socket directory (or abstract socket)
    const QString h = host.toLower();
    return h == QLatin1String("localhost") || h == QLatin1String("::1") || h == QLatin1String("[::1]")
        || h.startsWith(QLatin1String("127.")) || h.endsWith(QLatin1String(".localhost"));
}

}  // namespace

ConnectionTarget classifyTarget(const QString &host, int port, const QString &user)
{
    ConnectionTarget target;
    target.host = host;
    target.port = port > 0 ? port : 5432;

    static const QRegularExpression direct(QStringLiteral("^db\\.([a-z0-9]+)\\.supabase\\.(co|in|net)$"));
    static const QRegularExpression pooler(QStringLiteral("^[a-z0-9-]+\\.pooler\\.supabase\\.(com|net)$"));
    static const QRegularExpression poolerUser(QStringLiteral("^[^.]+\\.([a-z0-9]+)$"));

    const QString h = host.toLower();
    if (const auto m = direct.match(h); m.hasMatch()) {
        target.projectRef = m.captured(1);
        // Supabase also serves its dedicated pooler on the direct host at 6543.
        target.kind = target.port == 6543 ? TargetKind::SupabaseTransactionPooler : TargetKind::SupabaseDirect;
    } else if (pooler.match(h).hasMatch()) {
        if (const auto u = poolerUser.match(user); u.hasMatch())
            target.projectRef = u.captured(1);
        target.kind = target.port == 6543 ? TargetKind::SupabaseTransactionPooler : TargetKind::SupabaseSessionPooler;
    } else if (isLoopbackOrSocket(host)) {
        target.kind = TargetKind::Local;
    } else {
        target.kind = TargetKind::Remote;
    }
    return target;
}

bool ConnectionTarget::isSupabase() const
{
    return kind == TargetKind::SupabaseDirect || kind == TargetKind::SupabaseSessionPooler
        || kind == TargetKind::SupabaseTransactionPooler;
}

QString ConnectionTarget::describe() const
{
    QString text = targetKindName(kind);
    if (!projectRef.isEmpty())
        text += QStringLiteral(" (project %1)").arg(projectRef);
    return text;
}

QString targetKindName(TargetKind kind)
{
    switch (kind) {
    case TargetKind::Local: return QStringLiteral("local");
    case TargetKind::SupabaseDirect: return QStringLiteral("Supabase direct");
    case TargetKind::SupabaseSessionPooler: return QStringLiteral("Supabase session pooler");
    case TargetKind::SupabaseTransactionPooler: return QStringLiteral("Supabase transaction pooler");
    case TargetKind::Remote: break;
    }
    return QStringLiteral("remote");
}
