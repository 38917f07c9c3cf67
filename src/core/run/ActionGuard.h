#pragma once

#include "core/sql/SqlScript.h"

#include <QString>
#include <QStringList>

enum class Environment { Local, Staging, Production };

QString environmentName(Environment environment);
Environment environmentFromName(const QString &name, bool *ok = nullptr);

// What the console asks of a person before it changes a database: nothing on a local database,
// a look at the plan on staging, and on production the database name (or project ref) typed out,
// with every destructive statement listed.
struct ActionGuard {
    enum class Kind { None, ConfirmPlan, TypeName };
    Kind kind = Kind::None;
    QString nameToType;           // for TypeName
    QString summary;              // "apply 20250918_x to production database postgres (project abcd)"
    QStringList planLines;        // one line per statement: "12: CREATE TABLE"
    QStringList destructiveLines; // "drops table public.x (line 40)"

    // True when `typed` satisfies the guard (exact match of the name for TypeName).
    bool accepts(const QString &typed) const;
};

// `action` is "apply" or "roll back"; `script` is the script that would run.
ActionGuard guardFor(Environment environment, const QString &action, const QString &migrationName,
                     const SqlScript &script, const QString &databaseName, const QString &projectRef);
