#pragma once

#include "core/sql/SqlScript.h"

#include <QJsonObject>

// What a statement creates (tables and their columns, indexes, policies, functions, triggers,
// views) or turns on (row level security), added to statement->creates: the derived verify
// checks of a migration without a verify script are made from these.
void collectCreatedObjects(const QString &nodeType, const QJsonObject &body, SqlStatement *statement);
