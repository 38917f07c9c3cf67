#include "core/connection/ConnectionProblem.h"

#include <QRegularExpression>

namespace {

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const int newline = trimmed.indexOf(QLatin1Char('\n'));
    return newline < 0 ? trimmed : trimmed.left(newline).trimmed();
}

QString capture(const QString &text, const QString &pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

}  // namespace

ConnectionProblem classifyConnectionProblem(const QString &libpqMessage)
{
    ConnectionProblem problem;
    problem.raw = libpqMessage.trimmed();
    const QString text = problem.raw;
    const QString lower = text.toLower();

    if (lower.contains(QLatin1String("could not translate host name"))) {
        const QString host = capture(text, QStringLiteral("host name \"([^\"]*)\""));
        problem.kind = ConnectionProblemKind::NameResolution;
        problem.summary = QStringLiteral("The host name \"%1\" could not be resolved").arg(host);
        problem.advice = QStringLiteral(
            "Check the spelling of the host. For Supabase, the direct host is db.<project-ref>.supabase.co "
            "(IPv6 only); from an IPv4-only network use the session pooler host instead.");
    } else if (lower.contains(QLatin1String("on socket")) && lower.contains(QLatin1String("no such file or directory"))) {
        const QString socket = capture(text, QStringLiteral("socket \"([^\"]*)\""));
        problem.kind = ConnectionProblemKind::Refused;
        problem.summary = QStringLiteral("No PostgreSQL server at the Unix socket %1").arg(socket);
        problem.advice = QStringLiteral("No server runs there. Give a host and port (host=127.0.0.1 port=5432), or "
                                        "start the local database: scripts/localdb start.");
    } else if (lower.contains(QLatin1String("connection refused"))) {
        const QString where = capture(text, QStringLiteral("server at \"([^\"]*)\""));
        const QString port = capture(text, QStringLiteral("port (\\d+)"));
        problem.kind = ConnectionProblemKind::Refused;
        problem.summary = where.isEmpty()
            ? QStringLiteral("The connection was refused")
            : QStringLiteral("Connection refused by %1%2")
                  .arg(where, port.isEmpty() ? QString() : QStringLiteral(":") + port);
        problem.advice = QStringLiteral("No PostgreSQL server listens there: check that the server runs and the port is right.");
    } else if (lower.contains(QLatin1String("timeout expired")) || lower.contains(QLatin1String("timed out"))) {
        problem.kind = ConnectionProblemKind::Timeout;
        problem.summary = QStringLiteral("The server did not answer in time");
        problem.advice = QStringLiteral("A firewall may drop the packets, or the host is unreachable from this network.");
    } else if (lower.contains(QLatin1String("password authentication failed"))
               || lower.contains(QLatin1String("no password supplied"))
               || lower.contains(QLatin1String("authentication failed"))
               || lower.contains(QLatin1String("no pg_hba.conf entry"))) {
        const QString user = capture(text, QStringLiteral("user \"([^\"]*)\""));
        problem.kind = ConnectionProblemKind::Authentication;
        if (lower.contains(QLatin1String("no password supplied")))
            problem.summary = QStringLiteral("The server asks for a password and none was given");
        else if (lower.contains(QLatin1String("no pg_hba.conf entry")))
            problem.summary = QStringLiteral("The server's pg_hba.conf does not admit user \"%1\" from here").arg(user);
        else
            problem.summary = QStringLiteral("Authentication failed for user \"%1\"").arg(user);
        problem.advice = QStringLiteral(
            "Check the user name and password (keychain or ~/.pgpass). Supabase pooler user names have the form "
            "postgres.<project-ref>.");
    } else if ((lower.contains(QLatin1String("ssl")) || lower.contains(QLatin1String("certificate")))
               && !lower.contains(QLatin1String("invalid sslmode value"))) {  // a string that says no mode: below
        problem.kind = ConnectionProblemKind::Ssl;
        problem.summary = QStringLiteral("The TLS (SSL) handshake failed: %1").arg(firstLine(text));
        problem.advice = QStringLiteral(
            "Check sslmode and the CA file: verify-full needs the server's CA and a host name matching its certificate.");
    } else if (lower.contains(QLatin1String("database \"")) && lower.contains(QLatin1String("does not exist"))) {
        problem.kind = ConnectionProblemKind::NoDatabase;
        problem.summary = QStringLiteral("The database \"%1\" does not exist on this server")
                              .arg(capture(text, QStringLiteral("database \"([^\"]*)\"")));
        problem.advice = QStringLiteral("Supabase projects use the database \"postgres\".");
    } else if (lower.contains(QLatin1String("role \"")) && lower.contains(QLatin1String("does not exist"))) {
        problem.kind = ConnectionProblemKind::NoRole;
        problem.summary = QStringLiteral("The user \"%1\" does not exist on this server")
                              .arg(capture(text, QStringLiteral("role \"([^\"]*)\"")));
        problem.advice = QStringLiteral("Check the user name.");
    } else if (lower.contains(QLatin1String("invalid connection option"))
               || lower.contains(QLatin1String("missing \"=\""))
               || lower.contains(QLatin1String("invalid uri"))
               || lower.contains(QLatin1String("invalid percent-encoded"))
               || lower.contains(QLatin1String("invalid integer value"))
               || lower.contains(QLatin1String("unterminated quoted string"))
               || lower.contains(QLatin1String("invalid sslmode value"))
               || lower.contains(QLatin1String("invalid port number"))) {
        problem.kind = ConnectionProblemKind::BadConnectionString;
        problem.summary = QStringLiteral("The connection string is not valid: %1").arg(firstLine(text));
        problem.advice = QStringLiteral(
            "Use a URI (postgresql://user@host:5432/dbname) or key=value pairs (host=... port=... dbname=...).");
    } else if (lower.contains(QLatin1String("too many clients")) || lower.contains(QLatin1String("too many connections"))
               || lower.contains(QLatin1String("remaining connection slots"))) {
        problem.kind = ConnectionProblemKind::TooManyConnections;
        problem.summary = QStringLiteral("The server has no free connection slots");
        problem.advice = QStringLiteral("Close idle sessions, or connect through a pooler.");
    } else {
        problem.kind = ConnectionProblemKind::Other;
        problem.summary = firstLine(text).isEmpty() ? QStringLiteral("The connection failed") : firstLine(text);
    }
    return problem;
}

QString connectionProblemKindName(ConnectionProblemKind kind)
{
    switch (kind) {
    case ConnectionProblemKind::NameResolution: return QStringLiteral("name not resolved");
    case ConnectionProblemKind::Refused: return QStringLiteral("refused");
    case ConnectionProblemKind::Timeout: return QStringLiteral("timeout");
    case ConnectionProblemKind::Authentication: return QStringLiteral("authentication");
    case ConnectionProblemKind::Ssl: return QStringLiteral("SSL");
    case ConnectionProblemKind::NoDatabase: return QStringLiteral("no such database");
    case ConnectionProblemKind::NoRole: return QStringLiteral("no such user");
    case ConnectionProblemKind::BadConnectionString: return QStringLiteral("bad connection string");
    case ConnectionProblemKind::TooManyConnections: return QStringLiteral("too many connections");
    case ConnectionProblemKind::Other: break;
    }
    return QStringLiteral("other");
}
