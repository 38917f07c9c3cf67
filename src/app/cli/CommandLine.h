#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

// The command-line twin of the console: the same engine, for scripts and CI.
//   atlas-migrate status | plan | apply | rollback | verify | diff | repair [VERSION] [options]
// (atlas-console VERB runs it too). One run: parse, read the folder while connecting, run the
// verb, print for people or as JSON, and return the exit code (ExitCode, docs/cli.md). It prints
// only to the streams it is given, so tests run it in-process.
class CommandLine {
public:
    struct Streams {
        QTextStream &out;
        QTextStream &err;
        bool outIsTerminal = false;  // colours, when also not --json, NO_COLOR or TERM=dumb
        bool errIsTerminal = false;  // progress lines
    };

    // `program` speaks in messages: "atlas-migrate: cannot connect: ...".
    CommandLine(QStringList arguments, QString program, Streams streams);
    ~CommandLine();

    // True when arguments[1] names a verb (so no window is needed).
    static bool handles(const QStringList &arguments);

    // Runs it; the exit code. Safe to call once.
    int run();

private:
    struct Run;
    int runVerb(Run &run);

    QStringList m_arguments;
    QString m_program;
    Streams m_streams;
    // What the run read and made: kept with the object, not taken apart when run() returns, so
    // that atlas-migrate can end without freeing it piece by piece (main_cli.cpp).
    std::unique_ptr<Run> m_run;
};
