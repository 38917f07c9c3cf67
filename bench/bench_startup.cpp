// Start-up of the console to its first painted window (offscreen, a fresh configuration, the
// connection from the PG* variables opening in the background), side by side with a minimal Qt
// Widgets program showing one window (target: from process start to first paint within 1.5x of
// it), and to
// the migrations list filled with their states from the local database; atlas-migrate --version
// and psql --version as further references. Median of interleaved runs.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace {


double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Wall time of a run, what it printed, and when (steady clock, ns) it was started.
double run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env, QString *out,
           long long *startedNs = nullptr)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    if (startedNs)
        *startedNs = std::chrono::steady_clock::now().time_since_epoch().count();
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qFatal("bench: %s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    *out = QString::fromUtf8(process.readAllStandardOutput());
    return clock.nsecsElapsed() / 1e6;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The number of interleaved runs: 9, or the first argument (more to tell a 1 ms change from noise).
    const int kTrials = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 9;
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    QProcessEnvironment probe = env;
    probe.insert(QStringLiteral("ATLAS_STARTUP_PROBE"), QStringLiteral("1"));
    QProcessEnvironment filled = env;
    filled.insert(QStringLiteral("ATLAS_STARTUP_PROBE"), QStringLiteral("listed"));
    const auto said = [](const QString &out, const QString &what) {
        const QRegularExpressionMatch match = QRegularExpression(what + QStringLiteral(" after (\\d+) ms")).match(out);
        if (!match.hasMatch())
            qFatal("bench: no \"%s\" in: %s", qPrintable(what), qPrintable(out));
        return match.captured(1).toDouble();
    };
    // From the start of the process (fork and exec, the dynamic loader, static constructors) to the
    // window's first paint: what a user waits for.
    const auto startToPaint = [](const QString &out, long long startedNs) {
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("painted after \\d+ ms, at (\\d+) ns")).match(out);
        if (!match.hasMatch())
            qFatal("bench: no paint time in: %s", qPrintable(out));
        return (match.captured(1).toLongLong() - startedNs) / 1e6;
    };
    QList<double> console, painted, consoleStart, minimal, minimalPainted, minimalStart, listedProcess, listed, migrate, psql;
    QString out;
    long long started = 0;
    const QStringList folder{QStringLiteral("--dir"), QStringLiteral(ATLAS_MIGRATIONS_DIR)};
    for (int trial = 0; trial < kTrials; ++trial) {
        console << run(QStringLiteral(ATLAS_CONSOLE_BIN), folder, probe, &out, &started);
        painted << said(out, QStringLiteral("painted"));
        consoleStart << startToPaint(out, started);
        minimal << run(QStringLiteral(ATLAS_MINIMAL_WINDOW_BIN), {}, env, &out, &started);
        minimalPainted << said(out, QStringLiteral("painted"));
        minimalStart << startToPaint(out, started);
        listedProcess << run(QStringLiteral(ATLAS_CONSOLE_BIN), folder, filled, &out);
        listed << said(out, QStringLiteral("migrations listed"));
        migrate << run(QStringLiteral(ATLAS_MIGRATE_BIN), {QStringLiteral("--version")}, env, &out);
        psql << run(QStringLiteral("psql"), {QStringLiteral("--version")}, env, &out);
    }
    const double ratio = median(consoleStart) / median(minimalStart);
    std::printf("Start-up (median of %d interleaved runs, offscreen)\n\n", kTrials);
    std::printf("atlas-console: process start to first paint %.0f ms (%.0f ms of it after main()); to exit after it %.0f ms\n",
                median(consoleStart), median(painted), median(console));
    std::printf("minimal Qt Widgets window: process start to first paint %.0f ms (%.0f ms after main()); to exit %.0f ms\n",
                median(minimalStart), median(minimalPainted), median(minimal));
    std::printf("start to first paint, console/minimal %.2fx (target <= 1.5x) %s; to exit %.2fx\n", ratio,
                ratio <= 1.5 ? "ok" : "MISSED", median(console) / median(minimal));
    std::printf("atlas-console to the migrations listed with their states from the local database: %.0f ms after main() (process %.0f ms)\n",
                median(listed), median(listedProcess));
    std::printf("references: atlas-migrate --version %.0f ms, psql --version %.0f ms; console/psql %.1fx\n", median(migrate), median(psql),
                median(console) / median(psql));
    return 0;
}
