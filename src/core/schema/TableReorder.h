#pragma once

#include "core/schema/GeneratedMigration.h"
#include "core/schema/SchemaModel.h"

#include <QStringList>

// The statements that make a table again with its rows, to give it the target's column order
// (PostgreSQL cannot move a column). The generator places them: the table is moved aside before
// anything is created, the new one is filled right after its CREATE TABLE (before its indexes,
// constraints and triggers exist: one pass over the rows, no trigger fired), and the old one is
// dropped then. Moved, not copied: in a migration run statement by statement, a failure leaves
// the rows in the scratch schema, not lost.
namespace TableReorder {

// Where the tables wait: created before the first is moved, dropped after the last is refilled.
QString scratchSchema();
GeneratedStatement dropScratchSchema();

// `table` as FROM has it; `movedName` its name in the scratch schema (unquoted); `ownedSequences`
// the sequences its columns own that stay (they would go with the table); `first`: the scratch
// schema is created before it.
QList<GeneratedStatement> moveAside(const SchemaObject &table, const QString &movedName,
                                    const QList<const SchemaObject *> &ownedSequences, bool first);

// After CREATE TABLE of TO's `table`: its rows from the moved table, identity counters where they
// were, the moved table dropped (flagged as data loss when FROM has columns TO lacks).
// `fromColumns` and `toColumns` in their tables' order.
QList<GeneratedStatement> refill(const SchemaObject &table, const QString &movedName,
                                 const QList<const SchemaObject *> &fromColumns, const QList<const SchemaObject *> &toColumns);

// The table's own name, unquoted: "Daily" of public."Daily".
QString relationName(const SchemaObject &table);

}  // namespace TableReorder
