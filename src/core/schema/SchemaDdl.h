#pragma once

#include "core/schema/SchemaModel.h"

// The SQL that creates, drops or comments one object of a schema model, as the generator
// (MigrationGenerator) puts it together. Names come quoted from the model; literals are quoted
// here for standard_conforming_strings = on.
namespace SchemaDdl {

QString literal(const QString &text);
// What a publication publishes, as FOR and SET take it: "TABLE a, b WHERE (...), TABLES IN SCHEMA s".
QString publicationObjects(const SchemaObject &publication);
// The table of a publication's entry, without its column list and row filter.
QString publishedTable(const QString &entry);

// CREATE ... for an object on its own (a table with its columns inline, given as `columns`).
// Empty when the kind is created another way (grants, comments) or cannot be (an aggregate).
QString create(const SchemaObject &object, const QList<const SchemaObject *> &columns = {});
QString drop(const SchemaObject &object);
// "name type COLLATE c GENERATED ... DEFAULT ... NOT NULL", as CREATE TABLE and ADD COLUMN take it.
QString columnDefinition(const SchemaObject &column);
// "GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 ...)": an identity column's clause,
// with its sequence's options.
QString identityClause(const SchemaObject &column);
// The type to cast a column's old values to when its type changes: the type itself, but a
// character or bit type without its length (character varying(5) -> character varying,
// character(3) -> bpchar, bit(8)[] -> bit varying[]), so that the assignment into the column
// refuses a longer value where an explicit cast to the length would cut it without a word.
QString castType(const QString &type);
// ALTER SEQUENCE ... OWNED BY the column (public.t.id), or NONE when `column` is empty.
QString sequenceOwner(const QString &sequence, const QString &column);
// ALTER TABLE ... ALTER COLUMN ... SET DEFAULT with the column's default.
QString setDefault(const SchemaObject &column);
// ALTER TABLE ... ALTER COLUMN ... SET STATISTICS / STORAGE / COMPRESSION: what the column sets
// apart from its type's defaults (after CREATE TABLE or ADD COLUMN, which do not take them all);
// `settings` the clauses ("STATISTICS 500"), the column's own when empty. Empty when none.
QString setSettings(const SchemaObject &column, const QStringList &settings = {});

// How COMMENT ON, GRANT and ALTER ... OWNER name the object with key `key` in `model`:
// "TABLE public.t", "COLUMN public.t.c", "POLICY p ON public.t". Empty for what takes none.
QString objectReference(const SchemaModel &model, const QString &key);
QString comment(const QString &reference, const QString &text);  // text empty: IS NULL
QString alterOwner(const SchemaObject &object, const QString &owner);

// The extra statements a created object needs that CREATE does not say: RLS on, a trigger
// disabled, a sequence's owning column.
QStringList afterCreate(const SchemaObject &object);

}  // namespace SchemaDdl
