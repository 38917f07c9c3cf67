// Engine benchmarks, measured in one run against a reference. Needs the PG* variables of a local
// database (scripts/bench starts one). Prints medians and ratios; the targets are in the README.
//
//  1. apply of the Atlas migrations: `atlas-migrate apply` (and the engine in-process) against
//     `psql -v ON_ERROR_STOP=1 -f` of the same files, each on a fresh database.
//  2. `atlas-migrate status` with 1,000 applied migrations against 10.
#include "core/catalog/MigrationCatalog.h"
#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

const int kTrials = 21;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

PgConnection &admin()
{
    static PgConnection connection;
    if (!connection.isOpen()) {
        const QString failure = connection.open(QStringLiteral("dbname=postgres"), QStringLiteral("atlas-bench"));
        if (!failure.isEmpty())
            qFatal("bench: cannot connect: %s (run it through scripts/bench)", qPrintable(failure));
    }
    return connection;
}

void recreate(const QString &name)
{
    admin().exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    const PgResult created = admin().exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template1").arg(name));
    if (!created.ok())
        qFatal("bench: %s", qPrintable(created.error().toString()));
}

// Standard output goes to /dev/null, as hyperfine does by default: the figure is the tool's
// time, not this process's reading of a pipe (status prints ~60 kB for 1,000 migrations).
double timeProcess(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DATABASE_URL"));
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(120000);
    const double ms = timer.nsecsElapsed() / 1e6;
    if (process.exitCode() != 0)
        qFatal("bench: %s %s failed: %s", qPrintable(program), qPrintable(arguments.join(' ')),
               qPrintable(QString::fromUtf8(process.readAllStandardError())));
    return ms;
}

// Runs each of `measures` on a fresh database, interleaved (A B C A B C ...) so that a slow
// moment of the machine hits all of them alike; `kTrials` rounds plus one warm-up. Medians.
QList<double> interleaved(const QString &database, const QList<std::function<double()>> &measures)
{
    QList<QList<double>> times(measures.size());
    for (int i = 0; i <= kTrials; ++i) {
        for (int m = 0; m < measures.size(); ++m) {
            recreate(database);
            const double ms = measures.at(m)();
            if (i > 0)
                times[m].append(ms);
        }
    }
    QList<double> medians;
    for (const QList<double> &t : times)
        medians.append(median(t));
    return medians;
}

void write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(text);
}

// Makes a folder of `count` small migrations and a database with all of them applied.
QString prepareStatus(int count, const QString &console, QTemporaryDir *dir)
{
    for (int i = 1; i <= count; ++i) {
        write(dir->filePath(QStringLiteral("%1_step_%2.sql").arg(20250000000000LL + i).arg(i)),
              QStringLiteral("-- step %1\nCREATE TABLE step_%1 (id bigint PRIMARY KEY, note text);\n"
                             "COMMENT ON TABLE step_%1 IS 'generated for the status benchmark';\n")
                  .arg(i)
                  .toUtf8());
    }
    const QString database = QStringLiteral("atlas_bench_status_%1").arg(count);
    recreate(database);
    timeProcess(console, {"apply", "--dir", dir->path(), "--dsn", "dbname=" + database});
    // Settle it as autovacuum would in a database that has lived a while: otherwise autovacuum
    // works on the thousand new tables' catalog rows while the status is timed, at random.
    PgConnection settle;
    if (!settle.open("dbname=" + database, QStringLiteral("atlas-bench")).isEmpty() || !settle.exec(QStringLiteral("VACUUM (ANALYZE)")).ok())
        qFatal("bench: could not VACUUM %s", qPrintable(database));
    return database;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString console = QStringLiteral(ATLAS_CONSOLE_BIN);
    const QString migrations = QStringLiteral(ATLAS_MIGRATIONS_DIR);
    const MigrationCatalog catalog = scanMigrationFolder(migrations);
    const QString database = QStringLiteral("atlas_bench_apply");
    std::printf("Atlas Console engine benchmarks (median of %d interleaved runs; apply on a fresh database each time)\n\n", kTrials);

    QStringList psqlArgs{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database};
    for (const MigrationFile &m : catalog.migrations)
        psqlArgs << "-f" << m.up.path();
    const QList<double> apply = interleaved(database, {
        [&] { return timeProcess(QStringLiteral("psql"), psqlArgs); },
        [&] { return timeProcess(console, {"apply", "--dir", migrations, "--dsn", "dbname=" + database}); },
        [&] {
            QElapsedTimer timer;
            timer.start();
            PgConnection connection;
            connection.open("dbname=" + database);
            MigrationRunner runner(connection);
            for (const RunReport &r : runner.applyPending(catalog)) {
                if (!r.ok)
                    qFatal("bench: %s", qPrintable(r.message));
            }
            return timer.nsecsElapsed() / 1e6;
        }});
    const double psql = apply.at(0), cli = apply.at(1), engine = apply.at(2);
    std::printf("apply of the %d Atlas migrations\n", int(catalog.migrations.size()));
    std::printf("  psql -f (reference, process)        %8.1f ms\n", psql);
    std::printf("  atlas-migrate apply (process)       %8.1f ms   ratio %.2fx  (target <= 1.10x)\n", cli, cli / psql);
    std::printf("  engine in-process (connect + apply) %8.1f ms   ratio %.2fx\n\n", engine, engine / psql);

    QTemporaryDir smallDir, largeDir;
    const QString smallDb = prepareStatus(10, console, &smallDir);
    const QString largeDb = prepareStatus(1000, console, &largeDir);
    QList<double> smallTimes, largeTimes;
    for (int i = 0; i <= kTrials; ++i) {
        const double a = timeProcess(console, {"status", "--dir", smallDir.path(), "--dsn", "dbname=" + smallDb});
        const double b = timeProcess(console, {"status", "--dir", largeDir.path(), "--dsn", "dbname=" + largeDb});
        if (i > 0) {
            smallTimes.append(a);
            largeTimes.append(b);
        }
    }
    const double small = median(smallTimes), large = median(largeTimes);
    std::printf("atlas-migrate status (process, all applied)\n");
    std::printf("  10 migrations                       %8.1f ms\n", small);
    std::printf("  1,000 migrations                    %8.1f ms   ratio %.2fx  (target <= 1.50x)\n", large, large / small);
    admin().exec(QStringLiteral("DROP DATABASE IF EXISTS atlas_bench_apply WITH (FORCE)"));
    admin().exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(smallDb));
    admin().exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(largeDb));
    return 0;
}
