#pragma once

#include "core/catalog/MigrationFile.h"

#include <QString>

// How a script is about to run, for the checks made before anything is sent.
enum class RunMode { Apply, DryRun };

// Why `script` (the up or down file of `migration`) cannot run, or empty when it can: missing or
// unreadable file, a syntax error (located), no statements, BEGIN/COMMIT in the file, or a
// statement that cannot run in a transaction when the file is not marked, is previewed, or goes
// through a transaction pooler. Pure: the file's parse only.
QString whyNotRunnable(const MigrationFile &migration, const MigrationScript &script, RunMode mode, bool transactionPooled);
