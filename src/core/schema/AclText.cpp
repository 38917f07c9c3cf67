#include "core/schema/AclText.h"

#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace {

QString privilegeName(QChar letter)
{
    switch (letter.unicode()) {
    case 'r': return QStringLiteral("SELECT");
    case 'w': return QStringLiteral("UPDATE");
    case 'a': return QStringLiteral("INSERT");
    case 'd': return QStringLiteral("DELETE");
    case 'D': return QStringLiteral("TRUNCATE");
    case 'x': return QStringLiteral("REFERENCES");
    case 't': return QStringLiteral("TRIGGER");
    case 'X': return QStringLiteral("EXECUTE");
    case 'U': return QStringLiteral("USAGE");
    case 'C': return QStringLiteral("CREATE");
    case 'c': return QStringLiteral("CONNECT");
    case 'T': return QStringLiteral("TEMPORARY");
    case 'm': return QStringLiteral("MAINTAIN");
    default: return QString();
    }
}

// The role as quote_ident() writes it (quoted unless lower case letters, digits, '_' and '$').
QString roleName(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("PUBLIC");
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    return plain.match(name).hasMatch() ? name : QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// The elements of an array literal: {a,b,"c \"d\""} -> a, b, c "d".
QStringList arrayElements(const QString &text)
{
    QStringList elements;
    int i = 1;  // past '{'
    while (i < text.size() - 1) {
        QString element;
        if (text.at(i) == QLatin1Char('"')) {
            for (++i; i < text.size() && text.at(i) != QLatin1Char('"'); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size())
                    ++i;
                element += text.at(i);
            }
            ++i;  // the closing quote
        } else {
            for (; i < text.size() - 1 && text.at(i) != QLatin1Char(','); ++i)
                element += text.at(i);
        }
        elements.append(element);
        ++i;  // the comma
    }
    return elements;
}

struct AclItem {
    QString grantee;  // as written in SQL: PUBLIC, anon, "My Role"
    QString letters;  // arwdDxt*...
};

// grantee=letters/grantor, the grantee double-quoted when it has to be ("" inside for ").
AclItem parseAclItem(const QString &item)
{
    AclItem parsed;
    QString name;
    int i = 0;
    if (item.startsWith(QLatin1Char('"'))) {
        for (i = 1; i < item.size(); ++i) {
            if (item.at(i) == QLatin1Char('"')) {
                if (i + 1 < item.size() && item.at(i + 1) == QLatin1Char('"')) {
                    name += QLatin1Char('"');
                    ++i;
                    continue;
                }
                ++i;
                break;
            }
            name += item.at(i);
        }
    } else {
        for (; i < item.size() && item.at(i) != QLatin1Char('='); ++i)
            name += item.at(i);
    }
    parsed.grantee = roleName(name);
    const int slash = item.indexOf(QLatin1Char('/'), i);
    parsed.letters = item.mid(i + 1, (slash < 0 ? item.size() : slash) - i - 1);
    return parsed;
}

}  // namespace

QList<SchemaObject> grantsOfAcl(const SchemaObject &acl)
{
    QMap<QString, QStringList> byGrantee;
    for (const QString &element : arrayElements(acl.definition)) {
        const AclItem item = parseAclItem(element);
        QStringList &privileges = byGrantee[item.grantee];
        for (int i = 0; i < item.letters.size(); ++i) {
            const QString name = privilegeName(item.letters.at(i));
            if (name.isEmpty())
                continue;
            const bool option = i + 1 < item.letters.size() && item.letters.at(i + 1) == QLatin1Char('*');
            privileges.append(option ? name + QLatin1Char('*') : name);
        }
    }
    QList<SchemaObject> grants;
    for (auto it = byGrantee.begin(); it != byGrantee.end(); ++it) {
        QStringList privileges = it.value();
        privileges.removeDuplicates();
        std::sort(privileges.begin(), privileges.end(), [](const QString &a, const QString &b) {
            return QStringView(a).chopped(a.endsWith(QLatin1Char('*'))) < QStringView(b).chopped(b.endsWith(QLatin1Char('*')));
        });
        QStringList spelled;
        for (const QString &privilege : privileges)
            spelled.append(privilege.endsWith(QLatin1Char('*')) ? privilege.chopped(1) + QStringLiteral(" WITH GRANT OPTION") : privilege);
        SchemaObject grant;
        grant.kind = QStringLiteral("grant");
        grant.name = acl.name + QStringLiteral(" to ") + it.key();
        grant.schema = acl.schema;
        grant.definition = spelled.join(QStringLiteral(", "));
        grant.attrs = acl.attrs;
        grant.attrs.insert(QStringLiteral("grantee"), it.key());
        grant.attrs.insert(QStringLiteral("privileges"), QJsonArray::fromStringList(privileges));
        grants.append(grant);
    }
    return grants;
}
