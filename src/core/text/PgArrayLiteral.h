#pragma once

#include <QString>
#include <QStringList>

// A text[] literal for a query parameter ({"a","b \"c\""}): each element double-quoted, with
// backslashes and double quotes escaped, so that any name survives the trip.
QString pgTextArrayLiteral(const QStringList &elements);
