#pragma once

#include "core/schema/SchemaModel.h"

// What changes an object in place, when its definition differs between FROM (`before`) and TO
// (`after`), and when it cannot be changed in place but must be dropped and created again.
namespace SchemaAlter {

// Whether the object must be dropped and created again (a view, a policy, a trigger, an index, a
// constraint always; a table whose partitioning changed; a function whose result or arguments
// changed; a column whose generation expression changed; a composite type whose attributes cannot
// change in place).
bool needsRecreate(const SchemaObject &before, const SchemaObject &after);

// A column's type or collation changes: objects that read it (views, policies) must be dropped
// before and created after.
bool retypes(const SchemaObject &before, const SchemaObject &after);
// What a column's new type or collation costs, said above its ALTER COLUMN ... TYPE.
QString retypeNote(const SchemaObject &before, const SchemaObject &after);
// A composite type's attribute changes type: views and functions that read the type are made
// again around it, as around a column's new type (PostgreSQL refuses otherwise).
bool attributeTypesChange(const SchemaObject &before, const SchemaObject &after);
// Its default changes (dropped early, set again late, so that functions can change between).
bool defaultChanges(const SchemaObject &before, const SchemaObject &after);

// The in-place changes, in the order they must run. A column's default is never set here (see
// defaultChanges). `warnings` gets what cannot be done (an enum value removed).
QStringList alter(const SchemaObject &before, const SchemaObject &after, QStringList *warnings);

// A composite type's attributes changed in place: those TO lacks dropped (their values in
// columns of the type are lost), those whose type changes altered, new ones added at the end,
// where ADD ATTRIBUTE puts them. PostgreSQL refuses an attribute's new type while a column has
// the type (`columnsUsingIt`, "public.t.c"): a warning then, not a statement.
QStringList alterComposite(const SchemaObject &before, const SchemaObject &after, const QStringList &columnsUsingIt,
                           QStringList *warnings);
// Whether a composite type's attributes reach TO's by ALTER TYPE (drop, change type, add at the
// end) rather than by making the type again, which no column using it would allow.
bool attributesChangeInPlace(const SchemaObject &before, const SchemaObject &after);

// The tables to take out of a publication early, before tables go: those TO does not publish,
// or publishes with another column list or row filter (added again by alter()). Names without
// column lists or filters.
QStringList publicationTablesRemoved(const SchemaObject &before, const SchemaObject &after);
// The schemas whose tables a publication stops publishing (TABLES IN SCHEMA).
QStringList publicationSchemasRemoved(const SchemaObject &before, const SchemaObject &after);

}  // namespace SchemaAlter
