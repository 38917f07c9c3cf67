#pragma once

#include <QHash>
#include <QString>

// The SQL the console sends lives in resources/sql/<area>/<question>.sql, compiled in: a reviewer
// reads it as SQL with its comment, and psql runs it as it is (values are $1, $2 parameters;
// the few identifiers that cannot be parameters are psql variables such as :relation).
//
// sqlResource(u"history/recorded_versions") is that file's text, read once and cached; a name
// with no file is a programming error and ends the program with the name.
QString sqlResource(const QString &name);

// The text of `name` with each :variable replaced by `identifiers[variable]`, which the caller
// has quoted (PgConnection::quoteIdentifier).
QString sqlResource(const QString &name, const QHash<QString, QString> &identifiers);
