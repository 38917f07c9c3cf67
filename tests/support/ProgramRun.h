#pragma once

#include <QProcess>
#include <QString>

// How a program the tests ran as a user would run it ended: its exit code (-1 when it crashed or
// did not end in time) and what it printed.
struct ProgramRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Waits for `process`, started by the caller, to end (at most `timeoutMs`) and takes its output.
inline ProgramRun finishRun(QProcess &process, int timeoutMs = 60000)
{
    ProgramRun run;
    const bool ended = process.waitForFinished(timeoutMs);
    run.exitCode = ended && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
