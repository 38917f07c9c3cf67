#include "core/browse/ViewAs.h"

#include <QJsonDocument>
#include <QJsonObject>

QString ViewAs::role() const
{
    switch (mode) {
    case Mode::Owner: return QString();
    case Mode::ServiceRole: return QStringLiteral("service_role");
    case Mode::Anon: return QStringLiteral("anon");
    case Mode::Authenticated: return QStringLiteral("authenticated");
    }
    return QString();
}

QString ViewAs::claims() const
{
    if (mode == Mode::Owner)
        return QString();
    QJsonObject claims{{QStringLiteral("role"), role()}};
    if (mode == Mode::Authenticated) {
        claims.insert(QStringLiteral("sub"), userId);
        if (!email.isEmpty())
            claims.insert(QStringLiteral("email"), email);
    }
    return QString::fromUtf8(QJsonDocument(claims).toJson(QJsonDocument::Compact));
}

QString ViewAs::describe() const
{
    switch (mode) {
    case Mode::Owner: return QStringLiteral("the connection's own role");
    case Mode::ServiceRole: return QStringLiteral("service_role");
    case Mode::Anon: return QStringLiteral("anon");
    case Mode::Authenticated:
        return QStringLiteral("authenticated user %1").arg(email.isEmpty() ? userId : email);
    }
    return QString();
}
