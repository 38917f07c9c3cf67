#include "core/schema/AclText.h"

#include <QMap>

#include <algorithm>
#include <iterator>

namespace {

// The privileges by name, in the order of their names (the order grants list them in); the
// letter is the one aclitem's text uses.
struct Privilege {
    char letter;
    const char *name;
};
constexpr Privilege kPrivileges[] = {{'c', "CONNECT"},    {'C', "CREATE"},  {'d', "DELETE"},    {'X', "EXECUTE"}, {'a', "INSERT"},
                                     {'m', "MAINTAIN"},   {'x', "REFERENCES"}, {'r', "SELECT"}, {'T', "TEMPORARY"}, {'t', "TRIGGER"},
                                     {'D', "TRUNCATE"},   {'w', "UPDATE"},  {'U', "USAGE"}};

// Bit i: kPrivileges[i]; 0 for a letter that is none.
quint32 privilegeBit(QChar letter)
{
    for (quint32 i = 0; i < std::size(kPrivileges); ++i)
        if (letter == QLatin1Char(kPrivileges[i].letter))
            return 1u << i;
    return 0;
}

// What one grantee holds: bits of kPrivileges, and those it may grant on.
struct Held {
    quint32 granted = 0;
    quint32 withOption = 0;
};

// The role as quote_ident() writes it (quoted unless lower case letters, digits, '_' and '$', not
// starting with a digit or '$'), but for keywords, which only the server knows (AclGrants' map).
QString roleName(const QString &name)
{
    bool plain = !name.at(0).isDigit() && name.at(0) != QLatin1Char('$');
    for (int i = 0; plain && i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        plain = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'$';
    }
    return plain ? name : QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// `text` as a json string, quotes included.
QByteArray jsonString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const bool plain = std::none_of(utf8.cbegin(), utf8.cend(), [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
    if (plain)
        return '"' + utf8 + '"';
    QByteArray json = "\"";
    for (const char c : utf8) {
        if (c == '"' || c == '\\')
            json += '\\';
        if (static_cast<unsigned char>(c) < 0x20)
            json += QByteArray("\\u00") + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        else
            json += c;
    }
    return json + '"';
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
    QString grantee;  // the role's name as it is, unquoted; empty for PUBLIC
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
    parsed.grantee = name;
    const int slash = item.indexOf(QLatin1Char('/'), i);
    parsed.letters = item.mid(i + 1, (slash < 0 ? item.size() : slash) - i - 1);
    return parsed;
}

}  // namespace

QList<SchemaObject> grantsOfAcl(const SchemaObject &acl)
{
    return AclGrants().of(acl);
}

AclGrants::AclGrants(QHash<QString, QString> quotedRoles) : m_quotedRoles(std::move(quotedRoles)) {}

QList<SchemaObject> AclGrants::of(const SchemaObject &acl)
{
    auto split = m_byText.constFind(acl.definition);
    if (split == m_byText.cend()) {
        // By grantee, merged over grantors (who granted does not change access).
        QMap<QString, Held> byGrantee;
        for (const QString &element : arrayElements(acl.definition)) {
            const AclItem item = parseAclItem(element);
            Held &held = byGrantee[item.grantee.isEmpty() ? QStringLiteral("PUBLIC") : m_quotedRoles.value(item.grantee, roleName(item.grantee))];
            for (int i = 0; i < item.letters.size(); ++i) {
                const quint32 bit = privilegeBit(item.letters.at(i));
                held.granted |= bit;
                if (i + 1 < item.letters.size() && item.letters.at(i + 1) == QLatin1Char('*'))
                    held.withOption |= bit;
            }
        }
        QList<Grant> grants;
        for (auto it = byGrantee.cbegin(); it != byGrantee.cend(); ++it) {
            if (it.value().granted == 0)
                continue;
            // "SELECT*" in the attrs: with grant option.
            Grant grant{it.key(), QString(), ", \"grantee\" : " + jsonString(it.key()) + ", \"privileges\" : ["};
            for (quint32 i = 0; i < std::size(kPrivileges); ++i) {
                if (!(it.value().granted & (1u << i)))
                    continue;
                const bool option = it.value().withOption & (1u << i);
                if (!grant.definition.isEmpty()) {
                    grant.definition += QLatin1String(", ");
                    grant.json += ", ";
                }
                grant.definition += QLatin1String(kPrivileges[i].name);
                if (option)
                    grant.definition += QLatin1String(" WITH GRANT OPTION");
                grant.json += '"' + QByteArray(kPrivileges[i].name) + (option ? "*\"" : "\"");
            }
            grant.json += "]}";
            grants.append(std::move(grant));
        }
        split = m_byText.insert(acl.definition, grants);
    }
    // The attrs are the acl's with the grantee's, written as json text: a model holds thousands
    // of grants, and building each as a QJsonObject was a third of reading the model.
    QByteArray aclJson = acl.attrs.json().trimmed();
    aclJson.chop(1);  // its closing brace: the grant's attrs go on
    QList<SchemaObject> grants;
    grants.reserve(split->size());
    for (const Grant &made : *split) {
        SchemaObject grant;
        grant.kind = QStringLiteral("grant");
        grant.name.reserve(acl.name.size() + 4 + made.grantee.size());
        grant.name.append(acl.name).append(QLatin1String(" to ")).append(made.grantee);
        grant.schema = acl.schema;
        grant.definition = made.definition;
        QByteArray json;
        json.reserve(aclJson.size() + made.json.size());
        json.append(aclJson).append(made.json);
        grant.attrs = SchemaAttrs::fromJson(std::move(json));
        grants.append(std::move(grant));
    }
    return grants;
}
