#pragma once

#include "core/schema/SchemaModel.h"

// What changes an object in place, when its definition differs between FROM (`before`) and TO
// (`after`), and when it cannot be changed in place but must be dropped and created again.
namespace SchemaAlter {

// Whether the object must be dropped and created again (a view, a policy, a trigger, an index, a
// constraint always; a table whose partitioning changed; a function whose result or arguments
// changed; a column whose generation expression changed; a composite type).
bool needsRecreate(const SchemaObject &before, const SchemaObject &after);

// A column's type or collation changes: objects that read it (views, policies) must be dropped
// before and created after.
bool retypes(const SchemaObject &before, const SchemaObject &after);
// Its default changes (dropped early, set again late, so that functions can change between).
bool defaultChanges(const SchemaObject &before, const SchemaObject &after);

// The in-place changes, in the order they must run. A column's default is never set here (see
// defaultChanges). `warnings` gets what cannot be done (an enum value removed).
QStringList alter(const SchemaObject &before, const SchemaObject &after, QStringList *warnings);

// The tables to take out of a publication early, before tables go: when TO publishes nothing
// (a list that is not empty is set whole by alter()). Names without column lists or filters.
QStringList publicationTablesRemoved(const SchemaObject &before, const SchemaObject &after);

}  // namespace SchemaAlter
