#pragma once

#include "core/sqleditor/EditorScript.h"

#include <QStringList>

// What the SQL editor says about a statement before it runs: the migration rules' findings on it
// (but those about migrations alone: SET without LOCAL, transaction control), and whether it can
// destroy data (an error-level finding, or a destructive statement by its kind), which the editor
// asks about on staging and production.
struct StatementWarnings {
    QStringList lines;  // "line 3: error[ban-drop-table] drops table public.t and its rows"
    bool destructive = false;
};

StatementWarnings statementWarnings(const EditorUnit &unit);
