#pragma once

#include "core/sql/SqlScript.h"

#include <QJsonObject>

// What a statement takes away by name, added to statement->removes as CreatedObject names them:
// a table or view dropped, renamed or moved to another schema, an index, policy, trigger or
// function dropped. A DROP ... IF EXISTS is left out: the object may never have been there.
void collectRemovedObjects(const QString &nodeType, const QJsonObject &body, SqlStatement *statement);
