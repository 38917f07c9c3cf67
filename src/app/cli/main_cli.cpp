// atlas-migrate: the command-line twin without the GUI libraries, for scripts and CI.
// `atlas-console status` and friends run the same code inside the GUI executable.
#include "app/cli/CommandLine.h"
#include "app/cli/ExitCode.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atlas-migrate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATLAS_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    const QString first = arguments.value(1);
    if (!CommandLine::handles(arguments) && first != QLatin1String("--help") && first != QLatin1String("-h")
        && first != QLatin1String("--version") && first != QLatin1String("-v")) {
        std::fprintf(stderr, "usage: atlas-migrate status|plan|apply|rollback|verify|diff|repair|lint|advise|export|schema-diff [VERSION] [options]\n"
                             "       atlas-migrate COMMAND --help for the options\n");
        return argc > 1 ? ExitCode::Usage : ExitCode::Ok;
    }
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Left to the kernel when the process ends: taking apart, one destructor at a time, what a
    // run read (a folder of a thousand migrations) takes longer than printing it.
    auto *commandLine = new CommandLine(arguments, QStringLiteral("atlas-migrate"),
                                        {out, err, ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1});
    const int code = commandLine->run();
    out.flush();
    err.flush();
    std::fflush(nullptr);
    std::_Exit(code);
}
