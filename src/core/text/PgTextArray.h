#pragma once

#include <QString>
#include <QStringList>

// PostgreSQL's text form of a text[] value, for binding arrays as text parameters:
// {"a","b \"c\"",NULL}. Every element is quoted, so no element is ever read as NULL or split.
QString toPgTextArray(const QStringList &values);
