#pragma once

#include "core/sql/SqlScript.h"

#include <QJsonObject>

// Statements that change the session the migration runs in: SET (LOCAL), RESET, RESET ALL, and
// set_config() in a SELECT, as `supabase db pull` dumps begin (statement_timeout = 0,
// lock_timeout = 0, search_path = ''). Each sets statement->changesSetting ("lock_timeout",
// "search_path", "role", "all" for RESET ALL, ...); the ones that change what the console
// guarantees (its timeouts, the search path, the role) also get a risk that says what happens.
void classifySessionChange(const QString &nodeType, const QJsonObject &body, SqlStatement *statement);

// Whether a change of `setting` undoes the console's own lock_timeout or statement_timeout
// (which the engine then puts back).
bool touchesEngineLimits(const QString &setting);
