#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// An ignore written in a migration: "-- atlas:ignore RULE[,RULE] reason" silences those rules for
// the statement that follows it; "-- atlas:ignore-file RULE[,RULE] reason" for the whole file.
struct LintIgnore {
    int line = 0;       // 1-based line of the comment
    int column = 0;
    bool wholeFile = false;
    QStringList rules;
    QString reason;
    QStringList used;   // the rules of it that silenced a finding
};

// Every ignore comment of a file, in line order. A comment inside a statement (a $$ body) is read
// too; Linter attaches each to the statement that starts after it.
QList<LintIgnore> readLintIgnores(const QString &sql);
