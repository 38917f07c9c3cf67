#pragma once

#include <QList>
#include <QString>

// How much a finding matters: an error fails `atlas-migrate lint` (exit 1), a warning only with
// --strict; Off turns a rule off (--rule NAME=off).
enum class LintSeverity { Off, Info, Warning, Error };

QString lintSeverityName(LintSeverity severity);  // "off", "info", "warning", "error"
bool parseLintSeverity(const QString &name, LintSeverity *severity);

// One thing a rule found in one statement of one file.
struct LintFinding {
    QString rule;          // "adding-required-field"
    LintSeverity severity = LintSeverity::Warning;
    QString file;          // as the user named it
    int line = 0;          // 1-based, of the offending part of the statement when the rule knows it
    int column = 0;
    int statementLine = 0; // where the statement starts
    QString statement;     // the statement's text
    QString message;       // what this statement does: "adds column tier NOT NULL without a default to daily_usage"
    QString why;           // why it matters: the lock, the rewrite, what breaks for clients
    QString fix;           // the safer form
    QString table;         // the table concerned, as written: for grading by size
    int statementIndex = -1;  // which statement of the file (ignores attach to statements)

    // "20250918_x.sql:3:8: error[adding-required-field] adds column ..."
    QString located() const;
};

// What linting one file found: the findings in file order, or the syntax error that stopped it.
struct LintResult {
    QString file;
    QList<LintFinding> findings;
    bool parsed = true;
    QString syntaxError;  // "20250918_x.sql:3:8: syntax error at or near "TABEL""
    int statements = 0;

    LintSeverity worst() const;
};
