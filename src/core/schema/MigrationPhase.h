#pragma once

#include "core/schema/SchemaModel.h"

// The steps of a generated migration, in the order they run (MigrationGenerator): what goes is
// dropped first, from what uses to what is used; then what comes is created, from what is used
// to what uses it; then owners, comments and privileges; default privileges; event triggers last
// (made earlier, one would fire on the rest of the migration, as pg_dump also knows); the
// session's settings are reset at the very end.
//
// Types, extensions and schemas that go for good are dropped once the columns have changed
// type: a column moving off an enum, a domain or citext still uses it until then. Those made
// again (a type whose definition changes) are dropped first, to be created again before the tables.
namespace MigrationPhase {

enum Phase {
    DropTriggers, DropPolicies, DropPublicationTables, DropViews, DropForeignKeys, DropConstraints, DropIndexes, DropDefaults,
    DropColumns, DropTables, DropSequences, DropFunctions, DropPublications, DropTypes, DropExtensions, DropSchemas,
    Settings, Schemas, Extensions, Types, Sequences, Functions, DomainConstraints, Tables, Columns, GeneratedColumns,
    DropTypesAfterColumns, DropExtensionsAfterColumns, DropSchemasAfterColumns,
    SetDefaults, SequenceOwners, Constraints, Indexes, ForeignKeys, Views, ViewIndexes, FunctionsLate, Triggers, Policies,
    Publications, Owners, Comments, Privileges, DefaultPrivileges, EventTriggers, ResetSettings, PhaseCount
};

// Whether the object reads a table, a view or a column (a BEGIN ATOMIC body, a table's row type).
bool usesRelation(const SchemaObject &object);

// When CREATE runs for `object`; `onView`: its parent is a (materialized) view.
Phase createPhase(const SchemaObject &object, bool onView);

}  // namespace MigrationPhase
