#pragma once

#include <QString>

// Whether `text` is a duration as SET lock_timeout takes it, with its unit: "4s", "500ms",
// "2min", "1h" (spaces allowed). A bare number is refused: PostgreSQL reads it as milliseconds,
// and "30" typed on the way to "30s" would be 30 ms.
bool isDurationWithUnit(const QString &text);
