#pragma once

#include "core/lint/LintFinding.h"
#include "core/schema/RelationSize.h"

#include <QHash>
#include <QStringList>

// One file to lint, as the caller read it.
struct LintFile {
    QString name;   // as findings show it: the path the user gave, or the name in the folder
    QString sql;
    // The down file's text, when the migration has one: down-does-not-undo compares the two.
    bool hasDown = false;
    QString downSql;
    // A <version>_<name>.down.sql at the top level of a migrations folder (down-file-in-cli-folder).
    bool topLevelDownFile = false;
};

struct LintOptions {
    QHash<QString, LintSeverity> severities;  // --rule NAME=off|info|warning|error
    // The schemas Supabase's API serves (its default exposed schemas).
    QStringList exposedSchemas{QStringLiteral("public"), QStringLiteral("graphql_public")};
    // With a database: the tables' sizes, by the name as the migration writes it. Rules that
    // grade by size then say info for a small table (< 10,000 rows) and error for a large one
    // (>= 1,000,000 rows or 1 GB).
    RelationSizeMap sizes;
};

// The rules of the catalogue (docs/lint.md) over one file: the real parser, no database. Ignores
// in the file ("-- atlas:ignore RULE[,RULE] reason" on the lines before a statement,
// "-- atlas:ignore-file RULE[,RULE] reason" anywhere) silence findings; an ignore that silenced
// nothing is itself reported (unused-ignore).
LintResult lintFile(const LintFile &file, const LintOptions &options = LintOptions());

class MigrationScript;
// A migration's script as it is (no down file to compare), graded by `sizes` when given: what
// the console's Statements and Dry run tabs and `plan` show.
LintResult lintMigrationScript(const MigrationScript &script, const RelationSizeMap &sizes = RelationSizeMap());

// The rule names of a --rule or ignore list that the catalogue does not know (for usage errors).
QStringList unknownLintRules(const QStringList &names);

// A rule's example from the catalogue as a file to lint: a first line "-- file: NAME" names the
// file (else lintExampleFileName()), and a line "-- down:" starts the down file's text.
LintFile lintExampleFile(const QString &example);
