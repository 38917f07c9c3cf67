#pragma once

#include "core/schema/GeneratedMigration.h"
#include "core/schema/SchemaModel.h"

#include <QSet>

// The SQL that turns FROM's schema into TO's, ordered by what depends on what: what goes is
// dropped first (triggers and policies, views, foreign keys, ..., schemas), then what comes is
// created (schemas, extensions, types, sequences, functions, tables and columns, constraints,
// indexes, foreign keys, views, triggers, policies), then owners, comments and privileges, and
// the default privileges last (they act on what is created after them).
//
// A view, policy or trigger that reads a column whose type changes, or an object that a dropped
// and re-created one uses, is dropped before and created again after. An enum gains values with
// ALTER TYPE ... ADD VALUE. A table or column that TO lacks is dropped, flagged as data loss, with
// a note when it looks like a rename. Expects aligned models (alignSchemaModels).
//
// The tables named in `reorder` (public.notes) are made again with TO's column order and FROM's
// rows (TableReorder): each moved aside into a scratch schema of its own, created anew, filled
// from the old one (retyped columns cast, counters carried over, owned sequences kept), the old
// ones dropped together at the end; what depends on them is dropped and created again around it
// as for any table made again.
GeneratedMigration generateMigration(const SchemaModel &from, const SchemaModel &to, const QSet<QString> &reorder = {});
