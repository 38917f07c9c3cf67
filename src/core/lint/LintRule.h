#pragma once

#include "core/lint/LintFinding.h"

#include <QList>
#include <QString>

// A rule of the catalogue, with what docs/lint.md says of it. Where a rule means what one of
// Squawk's means it carries Squawk's name; the security rules carry the names of Supabase's
// database advisors (with dashes).
struct LintRule {
    QString name;
    LintSeverity severity;  // by default
    QString category;       // "locks", "types", "security", "data", "script"
    QString origin;         // "Squawk", "Supabase advisors", "Atlas"
    QString summary;        // one line: what it flags
    QString why;            // why it matters
    QString fix;            // how to fix it: the safer form
    QString flagged;        // an example it flags
    QString clean;          // the same intent, written so that it does not
    bool sizeGraded = false; // with a database: info on small tables, error on large ones
};

// Every rule, in the order docs/lint.md lists them.
const QList<LintRule> &lintRules();
const LintRule *findLintRule(const QString &name);

// The rules' examples are linted as a file with this name (a migration of a Supabase CLI folder)
// unless the example says otherwise in its first line: "-- file: NAME" (and "-- down:" starts the
// down file's part).
QString lintExampleFileName();
