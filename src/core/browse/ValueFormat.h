#pragma once

#include <QString>

// How a value from PostgreSQL's text output is shown in a grid cell and its tooltip. Values stay
// text end to end: numeric is never converted through a double.
namespace ValueFormat {

// `type` is format_type()'s name ("timestamp with time zone", "jsonb", "bytea", "numeric(12,6)").
QString cell(const QString &type, const QString &value);     // value.isNull() shows NULL
QString tooltip(const QString &type, const QString &value);  // full value; timestamptz in UTC too
QString pretty(const QString &type, const QString &value);   // side panel: jsonb indented
bool isNumeric(const QString &type);

}  // namespace ValueFormat
