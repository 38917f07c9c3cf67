#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/sql/ObjectReferences.h"

#include <QList>
#include <QString>
#include <QStringList>

// What a run of migrations needs from the database before its first statement: each extension
// it creates (the server must offer it), each schema, role and publication it names that none of
// its earlier statements makes. Read from the files' parse alone; the database is asked in one
// query (db/migrate/PreflightCheck), and all that is missing is said at once, with where.
struct Requirement {
    ObjectReference::Kind kind = ObjectReference::Kind::Schema;
    QString name;
    QString where;  // "20240103173626_init.sql:5" (its first use)
};

// The requirements of `scripts`, run in this order.
QList<Requirement> requirementsOf(const QList<const MigrationScript *> &scripts);

// "needs extension vector (20240103173626_init.sql:5), which this server does not offer (Supabase
// does)", one line per missing requirement.
QStringList describeMissing(const QList<Requirement> &missing);

// Whether a hosted Supabase project offers `extension` (CREATE EXTENSION succeeds there).
bool supabaseOffers(const QString &extension);
