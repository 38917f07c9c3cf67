#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/run/RunReport.h"
#include "core/schema/RelationSize.h"
#include "core/status/MigrationStatus.h"

#include <QTextStream>

struct SqlScript;

// What the command line prints for people: tables, reports, issues and errors on the streams it is
// given (stdout and stderr for the executables, strings in tests), coloured on a terminal. Every
// message says which program speaks: "atlas-migrate: ..." or "atlas-console: ...".
class CliOutput {
public:
    CliOutput(QTextStream &out, QTextStream &err, bool colour, bool json, QString program);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    bool colour() const { return m_colour; }
    const QString &program() const { return m_program; }
    QString paint(const QString &text, const char *code) const;

    // "<program>: <message>" on stderr; with --json, first the one JSON document that says so.
    // Returns `code`.
    int fail(int code, const QString &message);
    // "<program>: <message>" on stderr, nothing else.
    void say(const QString &message);

    void printIssues(const MigrationCatalog &catalog);
    void printStatus(const QList<MigrationStatusRow> &rows);
    // The report of one run; `file` for the dry run's statement table (its parse, its locks).
    void printReport(const RunReport &report, const MigrationFile *file, const RelationSizeMap &sizes);

private:
    // The locks the file's statements take, with each existing table's size: before anything runs.
    void printLocks(const SqlScript &parsed, const RelationSizeMap &sizes);
    // The lint rules' findings for the whole file, graded by the tables' sizes.
    void printFindings(const MigrationScript &script, const RelationSizeMap &sizes);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_colour;
    bool m_json;
    QString m_program;
};
