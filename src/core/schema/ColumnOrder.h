#pragma once

#include "core/schema/SchemaComparison.h"
#include "core/schema/SchemaModel.h"

#include <QStringList>

// Where a migration from FROM to TO leaves a table's columns in another order than TO has them.
// PostgreSQL adds a column at the end and cannot move one, so the columns end up as FROM's that
// remain, in FROM's order, then the new ones; pg_dump, SELECT * and COPY without a column list
// see that order. Closing such a difference means recreating the table with its rows (the
// generator does it when asked: SchemaCompareOptions::reorderColumns); otherwise the comparison
// ignores order (a difference no migration closes would never go away) and says where it differs.
struct ColumnOrderChange {
    QString table;       // public.notes
    QStringList before;  // FROM's columns, in order, as SQL writes them: id, "Body"
    QStringList after;   // what a migration that only adds and drops columns would leave
    QStringList wanted;  // TO's
    QString notRecreated;  // why the table cannot be recreated to reorder it (partitioning,
                           // inheritance, its row type used elsewhere, what the model does not
                           // read); empty when it can

    bool recreatable() const { return notRecreated.isEmpty(); }
};

QList<ColumnOrderChange> columnOrderChanges(const SchemaModel &from, const SchemaModel &to);

// One warning per change the migration leaves (all of them, or with `reordering` those that
// cannot be recreated).
QStringList columnOrderWarnings(const QList<ColumnOrderChange> &changes, bool reordering);

// With reordering, an order that differs is a difference: the table changed, its definition on
// each side followed by its columns in order. Merged into `differences` (kept sorted).
void addColumnOrderDifferences(const SchemaModel &from, const SchemaModel &to, const QList<ColumnOrderChange> &changes,
                               QList<SchemaDifference> *differences);
