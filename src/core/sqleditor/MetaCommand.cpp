#include "core/sqleditor/MetaCommand.h"

#include <QHash>
#include <QRegularExpression>

namespace {

QString anchored(const QString &body)
{
    return body.isEmpty() ? QString() : QLatin1Char('^') + body + QLatin1Char('$');
}

}  // namespace

void psqlPattern(const QString &pattern, QString *schemaRegex, QString *nameRegex)
{
    QString current;
    QString schema;
    bool quoted = false;
    bool dotSeen = false;
    for (int i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('"')) {
                current += QLatin1Char('"');
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (!quoted && c == QLatin1Char('.') && !dotSeen) {
            schema = current;
            current.clear();
            dotSeen = true;
        } else if (!quoted && c == QLatin1Char('*')) {
            current += QStringLiteral(".*");
        } else if (!quoted && c == QLatin1Char('?')) {
            current += QLatin1Char('.');
        } else {
            current += QRegularExpression::escape(quoted ? QString(c) : QString(c.toLower()));
        }
    }
    *schemaRegex = anchored(dotSeen ? schema : QString());
    *nameRegex = anchored(current);
}

bool parseMetaCommand(const QString &line, MetaCommand *command, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^\\\\([a-zA-Z]+)(S?)\\+?(?:\\s+(.*))?$"));
    const QRegularExpressionMatch match = form.match(line.trimmed());
    static const QHash<QString, MetaCommand::Kind> kinds = {
        {QStringLiteral("d"), MetaCommand::Kind::Describe},       {QStringLiteral("dt"), MetaCommand::Kind::ListTables},
        {QStringLiteral("dn"), MetaCommand::Kind::ListSchemas},   {QStringLiteral("df"), MetaCommand::Kind::ListFunctions},
        {QStringLiteral("du"), MetaCommand::Kind::ListRoles},     {QStringLiteral("dg"), MetaCommand::Kind::ListRoles},
        {QStringLiteral("dp"), MetaCommand::Kind::ListPrivileges}, {QStringLiteral("z"), MetaCommand::Kind::ListPrivileges},
        {QStringLiteral("x"), MetaCommand::Kind::ToggleExpanded},  {QStringLiteral("timing"), MetaCommand::Kind::ToggleTiming},
    };
    QString name = match.hasMatch() ? match.captured(1) : QString();
    bool system = !match.captured(2).isEmpty();
    // "\dS": the S is the system flag, not part of the name.
    if (!kinds.contains(name) && name.endsWith(QLatin1Char('S')) && kinds.contains(name.chopped(1))) {
        name.chop(1);
        system = true;
    }
    if (!match.hasMatch() || !kinds.contains(name)) {
        *error = QStringLiteral("%1 is not one of the meta-commands the editor answers: \\d [NAME], \\dt, \\dn, \\df, \\du, \\dp, \\x, "
                                "\\timing")
                     .arg(line.trimmed().section(QLatin1Char(' '), 0, 0));
        return false;
    }
    command->kind = kinds.value(name);
    command->system = system;
    command->pattern = match.captured(3).trimmed();
    if (command->pattern.count(QLatin1Char('"')) % 2 != 0) {
        *error = QStringLiteral("%1: unterminated quoted name in \"%2\"").arg(line.trimmed().section(QLatin1Char(' '), 0, 0), command->pattern);
        return false;
    }
    psqlPattern(command->pattern, &command->schemaRegex, &command->nameRegex);
    return true;
}
