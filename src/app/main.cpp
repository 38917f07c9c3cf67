// atlas-console: the GUI. Connects the libpq way: a URI or key=value argument, else
// DATABASE_URL, else the PG* variables and ~/.pgpass.
#include "app/cli/CommandLine.h"
#include "app/ScreenshotScript.h"
#include "ui/MainWindow.h"
#include "ui/migrations/MigrationsPage.h"
#include "ui/common/DarkPalette.h"
#include "ui/deferred/DeferredParts.h"

#include "core/catalog/MigrationCatalog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <unistd.h>

namespace {

// `atlas-console status` and the other verbs: the command line, without a window.
int runVerb(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atlas-console"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine commandLine(QCoreApplication::arguments(), QStringLiteral("atlas-console"),
                            {out, err, ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1});
    return commandLine.run();
}

// --check-parts: whether the module of later parts (QScintilla's editor, the chart, the keychain,
// the history) opens, and from where; exit 1 with why when it does not.
int checkParts(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString path = DeferredParts::modulePath();
    if (path.isEmpty()) {
        std::fprintf(stderr, "atlas-console: %s\n", qPrintable(DeferredParts::problem()));
        return 1;
    }
    std::printf("%s\n", qPrintable(path));
    return 0;
}

// ATLAS_STARTUP_PROBE=1: print how long after main() the window was first painted, and quit (for
// bench/bench_startup).
class FirstPaintProbe : public QObject {
public:
    FirstPaintProbe(const QElapsedTimer &sinceMain, QObject *parent)
        : QObject(parent)
        , m_clock(sinceMain)
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_said) {
            m_said = true;
            // The monotonic clock is the system's: the bench compares it with when it started the process.
            std::printf("painted after %lld ms, at %lld ns\n", static_cast<long long>(m_clock.elapsed()),
                        static_cast<long long>(std::chrono::steady_clock::now().time_since_epoch().count()));
            std::fflush(stdout);
            if (m_quitOnPaint)
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

    void setQuitOnPaint(bool quit) { m_quitOnPaint = quit; }

private:
    const QElapsedTimer &m_clock;
    bool m_said = false;
    bool m_quitOnPaint = true;
};

}  // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    FirstPaintProbe *probe = nullptr;
    if (argc > 1 && CommandLine::handles({QString(), QString::fromLocal8Bit(argv[1])}))
        return runVerb(argc, argv);
    // --version and --check-parts need no display (a package's smoke test runs them headless).
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--version" || std::string_view(argv[i]) == "-v") {
            std::printf("atlas-console %s\n", ATLAS_VERSION);
            return 0;
        }
        if (std::string_view(argv[i]) == "--check-parts")
            return checkParts(argc, argv);
    }

    QApplication app(argc, argv);
    if (!qEnvironmentVariableIsEmpty("ATLAS_STARTUP_PROBE"))
        probe = new FirstPaintProbe(sinceMain, &app);
    QApplication::setApplicationName(QStringLiteral("atlas-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Atlas Console"));
    QApplication::setOrganizationName(QStringLiteral("Atlas"));
    QApplication::setApplicationVersion(QStringLiteral(ATLAS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Migration console for the Atlas PostgreSQL database."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("connection"),
                                 QStringLiteral("URI or key=value connection string (default: DATABASE_URL, "
                                                "then PG* variables and ~/.pgpass)."),
                                 QStringLiteral("[connection]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window once the connection attempt has ended, then quit."),
        QStringLiteral("file"));
    parser.addOption(screenshot);
    const QCommandLineOption dir(QStringLiteral("dir"),
                                 QStringLiteral("Migrations folder (default: ./supabase/migrations if present, else the "
                                                "project's migrations/)."),
                                 QStringLiteral("folder"));
    parser.addOption(dir);
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Status document with the production TODO checklist (default: the "
                                                   "project's docs/STATUS.md)."),
                                    QStringLiteral("file"));
    parser.addOption(status);
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Connect with this saved profile."),
                                     QStringLiteral("name"));
    parser.addOption(profile);
    const QCommandLineOption screenshotPage(QStringLiteral("screenshot-page"),
                                            QStringLiteral("With --screenshot: migrations (default), statements, repair, "
                                                           "blockers, todos, environments, server, profiles, "
                                                           "browse, browse-chart."),
                                            QStringLiteral("page"), QStringLiteral("migrations"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("With --screenshot: select this migration."),
                                    QStringLiteral("version"));
    const QCommandLineOption preview(QStringLiteral("preview"),
                                     QStringLiteral("With --screenshot: run the selected migration's dry run first."));
    parser.addOptions({screenshotPage, select, preview});
    const QCommandLineOption palette(QStringLiteral("palette"),
                                     QStringLiteral("dark: a dark palette whatever the desktop says (also ATLAS_PALETTE=dark)."),
                                     QStringLiteral("dark|light"));
    parser.addOption(palette);
    // Answered before the window exists (checkParts); listed here for --help.
    parser.addOption({QStringLiteral("check-parts"),
                      QStringLiteral("Say where the module of later parts is (the SQL editor, the chart, the keychain, the "
                                     "history), or why it cannot be opened (exit 1).")});
    const QCommandLineOption windowSize(QStringLiteral("window-size"), QStringLiteral("The window's size, WIDTHxHEIGHT (for screenshots)."),
                                        QStringLiteral("size"));
    parser.addOption(windowSize);
    parser.process(app);
    const QString paletteName = parser.isSet(palette) ? parser.value(palette) : qEnvironmentVariable("ATLAS_PALETTE");
    if (paletteName == QLatin1String("dark"))
        DarkPalette::apply(app);
    else if (!paletteName.isEmpty() && paletteName != QLatin1String("light")) {
        std::fprintf(stderr, "atlas-console: --palette takes dark or light, not \"%s\"\n", qPrintable(paletteName));
        return 2;
    }

    QString conninfo = parser.positionalArguments().value(0);
    if (conninfo.isEmpty())
        conninfo = qEnvironmentVariable("DATABASE_URL");

    MainWindow window;
    const QString shipped = shippedMigrationFolder(QStringLiteral(ATLAS_DEFAULT_MIGRATIONS_DIR),
                                                   QCoreApplication::applicationDirPath());
    window.setMigrationsFolder(parser.isSet(dir) ? parser.value(dir) : defaultMigrationFolder(QDir::currentPath(), shipped));
    const QString sourceStatus = QStringLiteral(ATLAS_DEFAULT_STATUS_DOCUMENT);
    window.setStatusDocument(parser.isSet(status) ? parser.value(status)
                             : QFileInfo::exists(sourceStatus) ? sourceStatus
                                                               : QDir(shipped).absoluteFilePath(QStringLiteral("../STATUS.md")));
    if (probe)
        window.installEventFilter(probe);
    if (probe && qEnvironmentVariable("ATLAS_STARTUP_PROBE") == QLatin1String("listed")) {
        // Until the migrations are listed with their states from the database, not only painted.
        probe->setQuitOnPaint(false);
        QTimer::singleShot(60000, &window, [] {
            std::fprintf(stderr, "atlas-console: the migrations were not listed within 60 s (no connection, or no folder?)\n");
            QCoreApplication::exit(1);
        });
        QObject::connect(&window, &MainWindow::connectionSettled, &window, [&window, &sinceMain] {
            QObject::connect(window.migrationsPage(), &MigrationsPage::statusShown, &window, [&sinceMain] {
                std::printf("migrations listed after %lld ms\n", static_cast<long long>(sinceMain.elapsed()));
                std::fflush(stdout);
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            }, Qt::SingleShotConnection);
        }, Qt::SingleShotConnection);
    }
    if (parser.isSet(windowSize)) {
        const QStringList parts = parser.value(windowSize).split(QLatin1Char('x'));
        const int width = parts.value(0).toInt(), height = parts.value(1).toInt();
        if (parts.size() != 2 || width < 200 || height < 200) {
            std::fprintf(stderr, "atlas-console: --window-size takes WIDTHxHEIGHT, as in 1920x1040, not \"%s\"\n", qPrintable(parser.value(windowSize)));
            return 2;
        }
        window.resize(width, height);
    }
    window.show();
    if (parser.isSet(screenshot)) {
        auto *script = new ScreenshotScript(&window, {parser.value(screenshot), parser.value(screenshotPage),
                                                      parser.value(select), parser.isSet(preview)});
        QObject::connect(&window, &MainWindow::connectionSettled, script, &ScreenshotScript::run,
                         Qt::SingleShotConnection);
    }
    if (parser.isSet(profile)) {
        const QString name = parser.value(profile);
        const auto found = std::find_if(window.profiles().begin(), window.profiles().end(),
                                        [&name](const ConnectionProfile &p) { return p.name == name; });
        if (found == window.profiles().end()) {
            qCritical("atlas-console: no saved profile named \"%s\"", qPrintable(name));
            return 2;
        }
        window.connectToProfile(*found);
        return app.exec();
    }
    window.connectTo(conninfo);
    return app.exec();
}
