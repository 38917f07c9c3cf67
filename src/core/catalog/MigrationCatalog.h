#pragma once

#include "core/catalog/MigrationFile.h"

#include <QHash>
#include <QList>
#include <QString>

// A problem found while reading a migrations folder, located as precisely as it can be.
struct CatalogIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;  // file name relative to the folder ("" for the folder itself)
    int line = 0;  // 1-based; 0 when the issue concerns the whole file
    int column = 0;
    QString message;

    QString toString() const;  // "20250918_x.sql:3:7: not valid UTF-8"
};

// A .sql file of the folder that is not a migration: the Supabase CLI skips it with a warning, and
// so does the console (instead of refusing the folder).
struct SkippedFile {
    QString fileName;  // relative to the folder
    QString reason;    // "its name must be <version>_<name>.sql; did you mean 20240101_init.sql?"
};

// The migrations of one folder, in version order, what it skips, and what was wrong with it.
struct MigrationCatalog {
    QString folder;
    QList<MigrationFile> migrations;
    QList<SkippedFile> skipped;
    QList<CatalogIssue> issues;

    bool hasErrors() const;
    QList<CatalogIssue> errors() const;
    QList<CatalogIssue> warnings() const;
    const MigrationFile *find(const QString &version) const;

    // version -> index into `migrations`, built by scanMigrationFolder (the only way a catalogue
    // is made), so that find() stays constant-time for folders with thousands of migrations.
    QHash<QString, int> byVersion;
};

// Splits a file name without its ".sql" (and ".down"/".verify") into version and name, or says
// what is wrong with it: "<digits>_<name>", the Supabase CLI's pattern ^([0-9]+)_(.*)\.sql$ (the
// name may be empty). The problem names the rule and, for a name that looks like a mistyped
// migration, the name it probably meant.
bool splitMigrationName(const QString &base, QString *version, QString *name, QString *problem);

// Reads a migrations folder. Down and verify scripts sit beside their migration
// (X.down.sql, X.verify.sql) or in the subfolders down/ and verify/ under the same name
// (down/X.sql), which the Supabase CLI does not read.
MigrationCatalog scanMigrationFolder(const QString &folder);

// The folder the command line uses when --dir is not given: supabase/migrations under `cwd` when
// it exists, else the project's migrations/.
QString defaultMigrationFolder(const QString &cwd, const QString &projectMigrations);

// The shipped migrations: the source tree's folder for a build run in place, else the installed
// copy beside the executable (<prefix>/share/atlas-console/migrations).
QString shippedMigrationFolder(const QString &sourceFolder, const QString &executableDir);
