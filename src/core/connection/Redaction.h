#pragma once

#include <QString>

// Replaces the password in a connection string (URI or key=value form) with "*****", so that a
// connection string can be shown in titles, logs and error messages.
QString redactConnectionString(const QString &conninfo);
