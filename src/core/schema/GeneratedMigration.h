#pragma once

#include "core/lint/LintFinding.h"

#include <QList>
#include <QString>
#include <QStringList>

// One statement of a generated migration, with why it is there.
struct GeneratedStatement {
    QString sql;        // one statement, ending with ';'
    QString objectKey;  // the object it creates, changes or drops ("table public.t")
    bool dataLoss = false;
    QString note;       // said above it in the file: what is lost, what it looks like
    QList<LintFinding> findings;  // the migration rules' findings on it
    // "RULE reason": a rule that is wrong about this statement (the scratch schema of a table made
    // again is dropped, empty), written above it as "-- atlas:ignore RULE reason" so that the
    // file, linted again when it is applied, says the same.
    QString ignore = {};
};

// The SQL that turns one schema into another (MigrationGenerator), and what it cannot do.
struct GeneratedMigration {
    QList<GeneratedStatement> statements;
    QStringList warnings;  // what needs a hand: an enum value removed, an aggregate, a foreign table

    int dataLossCount() const;
    // The migration file: a header (`title` lines as comments), the warnings, then each statement
    // with its note and findings as comments above it.
    QString script(const QStringList &title) const;
    // Lints the statements as one migration file named `fileName` and attaches each finding to
    // its statement.
    void lint(const QString &fileName);
    // PostgreSQL refuses a value added to an enum until the transaction that added it commits
    // (55P04, "unsafe use of new value"): a migration that adds one and uses it
    // must be split. Adds a warning for each such value.
    void warnOfNewEnumValuesUsed();
};
