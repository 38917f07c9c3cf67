#pragma once

#include "core/schema/GeneratedMigration.h"
#include "core/schema/SchemaModel.h"

#include <QStringList>

#include <utility>

// The statements that make a table again with its rows, to give it the target's column order
// (PostgreSQL cannot move a column). The generator places them: each table is moved aside into
// a scratch schema of its own (its indexes, constraints and identity go with it, so no name
// clashes with the new table's or another moved table's) before anything is created; the new
// one is filled right after its CREATE TABLE (before its indexes, constraints and triggers exist:
// one pass over the rows, no trigger fired); the moved tables are dropped together once every
// table is filled (a policy of one may read another). Moved, not copied: in a migration run
// statement by statement, a failure leaves the rows in the scratch schema, not lost.
namespace TableReorder {

// atlas_reorder_1, atlas_reorder_2, ...: where table `number` waits.
QString scratchSchema(int number);

// `table` as FROM has it; `ownedSequences` the sequences its columns own that stay (they would go
// with the table).
QList<GeneratedStatement> moveAside(const SchemaObject &table, int number, const QList<const SchemaObject *> &ownedSequences);

// After CREATE TABLE of TO's `table`: its rows from the moved table (a column whose type changes
// cast as the type change without the table made again would), identity counters where they
// were. `fromColumns` and `toColumns` in their tables' order. What the copy cannot do (a new NOT
// NULL column without a default) goes to `warnings`; what it leaves behind to `leftBehind`.
QList<GeneratedStatement> refill(const SchemaObject &table, int number, const QList<const SchemaObject *> &fromColumns,
                                 const QList<const SchemaObject *> &toColumns, QStringList *warnings, QStringList *leftBehind);

// Once every table is filled: the moved tables (each with its number), then their schemas;
// `leftBehind` the values lost (the drop is flagged as data loss then).
QList<GeneratedStatement> dropMoved(const QList<std::pair<QString, int>> &tables, const QStringList &leftBehind);

// The table's own name, unquoted: "Daily" of public."Daily".
QString relationName(const SchemaObject &table);

}  // namespace TableReorder
