#pragma once

#include <QString>

// A psql meta-command the SQL editor answers from the catalog, without psql: \d [NAME], \dt, \dn,
// \df, \du, \dp (each with an optional pattern, as psql reads it), \x and \timing.
struct MetaCommand {
    enum class Kind { Describe, ListTables, ListSchemas, ListFunctions, ListRoles, ListPrivileges, ToggleExpanded, ToggleTiming };
    Kind kind = Kind::Describe;
    QString pattern;        // as written: "public.daily*"
    QString schemaRegex;    // the pattern as POSIX regular expressions, anchored; empty: any
    QString nameRegex;
    bool system = false;    // \dtS: also pg_catalog and information_schema
};

// Parses one meta-command line; on failure returns false and says what in `error` ("\dx is not
// one of the meta-commands the editor answers: \d, \dt, ...").
bool parseMetaCommand(const QString &line, MetaCommand *command, QString *error);

// psql's pattern rules: '*' any, '?' one character, letters folded to lower case outside double
// quotes, a '.' outside quotes separates schema and name, other regular-expression characters
// taken literally.
void psqlPattern(const QString &pattern, QString *schemaRegex, QString *nameRegex);
