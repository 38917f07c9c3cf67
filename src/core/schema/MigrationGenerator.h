#pragma once

#include "core/schema/GeneratedMigration.h"
#include "core/schema/SchemaModel.h"

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
GeneratedMigration generateMigration(const SchemaModel &from, const SchemaModel &to);
