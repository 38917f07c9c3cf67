#pragma once

#include <QString>

#include <optional>

// Which way a migration attempt went. The audit table stores the names ("up", "down", "verify",
// "repair"); the program compares the enum.
enum class RunDirection { Up, Down, Verify, Repair };

// How an attempt ended; stored as "succeeded", "failed", "cancelled".
enum class AttemptOutcome { Succeeded, Failed, Cancelled };

QString directionName(RunDirection direction);
std::optional<RunDirection> directionFromName(const QString &name);
QString outcomeName(AttemptOutcome outcome);
std::optional<AttemptOutcome> outcomeFromName(const QString &name);
