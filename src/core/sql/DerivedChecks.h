#pragma once

#include "core/sql/SqlScript.h"

#include <QList>
#include <QString>

// A check that a migration's effect is in place, derived from its parsed up file when it has no
// verify script. The database layer turns each kind into one catalog query.
struct DerivedCheck {
    enum class Kind { TableExists, ColumnExists, IndexExists, PolicyExists, FunctionExists, TriggerExists,
                      ViewExists, RowLevelSecurityEnabled, RowsReadable };
    Kind kind = Kind::TableExists;
    QString name;  // "table public.daily_usage exists"
    QString schema;
    QString table;
    QString object;
};

// Every created table, column, index, policy, function, trigger and view exists; RLS is on where
// the file turns it on; and the seed's three checks for each table (exists, structure, sample
// rows readable).
QList<DerivedCheck> deriveChecks(const SqlScript &upScript);
