#include "core/connection/Redaction.h"

#include <QRegularExpression>

QString redactConnectionString(const QString &conninfo)
{
    QString text = conninfo;
    // URI: scheme://user:password@host -- the password ends at the last '@' of the authority.
    static const QRegularExpression uri(QStringLiteral("^(postgres(?:ql)?://[^:/@?#]*):([^/?#]*)@"),
                                        QRegularExpression::CaseInsensitiveOption);
    text.replace(uri, QStringLiteral("\\1:*****@"));
    // URI query parameter: ?password=... or &password=...
    static const QRegularExpression query(QStringLiteral("([?&]password=)[^&#]*"),
                                          QRegularExpression::CaseInsensitiveOption);
    text.replace(query, QStringLiteral("\\1*****"));
    // key=value: password = 'quoted \' value' or password=bare
    static const QRegularExpression keyValue(
        QStringLiteral("(^|\\s)(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|\\S*)"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(keyValue, QStringLiteral("\\1\\2*****"));
    return text;
}
