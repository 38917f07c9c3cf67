#pragma once

#include <QDateTime>
#include <QString>

// Where a new migration's files go: <version>_<name>.sql with version the UTC time
// (yyyyMMddHHmmss, as `supabase migration new` names them), and its down file beside it
// (X.down.sql) or, in a folder the Supabase CLI reads, under down/ (which the CLI does not run).
struct NewMigrationPlan {
    QString version;
    QString name;      // as it goes into the file name
    QString upPath;
    QString downPath;
    QString error;     // the name or the folder cannot be used: what and why; nothing planned
    bool ok() const { return error.isEmpty(); }
};

// `name` as typed ("Add tier index"): folded to lower case, spaces and dashes to '_'; anything
// else but [a-z0-9_] is refused, as is a version that exists in the folder already.
NewMigrationPlan planNewMigration(const QString &folder, const QString &name, const QDateTime &nowUtc);

// supabase/migrations, or a migrations folder beside the CLI's config.toml: a folder the Supabase
// CLI reads, where every <digits>_<name>.sql at the top level is a migration.
bool isSupabaseCliFolder(const QString &folder);

// Writes the plan's up and down files, both or neither (the up file is removed again when the
// down file cannot be written); `*error` says which file and why. Folders are made as needed.
bool writeNewMigration(const NewMigrationPlan &plan, const QString &upSql, const QString &downSql, QString *error);
