// atlas-migrate export against psql's \copy on the same 1,000,000 rows, side by side in one run
// (median of interleaved trials, each writing a CSV file with a header). Target: <= 1.10x.
// Needs the PG* variables of a local database (scripts/bench starts one).
#include "db/browse/CsvExport.h"
#include "db/pg/PgConnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kTrials = 5;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double timed(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForFinished(10 * 60 * 1000) || process.exitCode() != 0)
        qFatal("bench: %s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    return clock.nsecsElapsed() / 1e6;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    PgConnection connection;
    if (!connection.open(QString()).isEmpty())
        qFatal("bench: cannot connect");
    const PgResult made = connection.exec(QStringLiteral(
        "DROP TABLE IF EXISTS public.bench_export_rows;"
        "CREATE TABLE public.bench_export_rows AS SELECT g AS id, md5(g::text) AS hash, (g * 0.01)::numeric(12, 2) AS amount, "
        "now() - g * interval '1 second' AS at, jsonb_build_object('n', g, 'tag', 'row ' || g) AS doc "
        "FROM generate_series(1, 1000000) g;"
        "ALTER TABLE public.bench_export_rows ADD PRIMARY KEY (id);"));
    if (made.ok())
        connection.exec(QStringLiteral("VACUUM ANALYZE public.bench_export_rows"));  // alone: not in a transaction
    if (!made.ok())
        qFatal("bench: %s", qPrintable(made.error().toString()));
    QTemporaryDir dir;
    const QString psqlFile = dir.filePath(QStringLiteral("psql.csv"));
    const QString atlasFile = dir.filePath(QStringLiteral("atlas.csv"));
    QList<double> psql;
    QList<double> atlas;
    QList<double> atlasNoSync;
    QList<double> browser;
    const QString browserFile = dir.filePath(QStringLiteral("browser.csv"));
    BrowseSpec everything;
    everything.relation = QStringLiteral("public.bench_export_rows");
    everything.keyColumns = {QStringLiteral("id")};
    for (int trial = 0; trial < kTrials; ++trial) {
        psql << timed(QStringLiteral("psql"), {"-X", "-q", "-c",
                                               QStringLiteral("\\copy public.bench_export_rows TO '%1' WITH (FORMAT csv, HEADER)").arg(psqlFile)});
        atlas << timed(QStringLiteral(ATLAS_MIGRATE_BIN), {"export", "public.bench_export_rows", "--csv", atlasFile});
        QElapsedTimer clock;
        clock.start();
        qint64 rows = 0;
        QString error;
        if (!CsvExport::toFile(connection, everything, {}, browserFile, {}, &rows, &error))
            qFatal("bench: browser export: %s", qPrintable(error));
        browser << clock.nsecsElapsed() / 1e6;
        atlasNoSync << timed(QStringLiteral(ATLAS_MIGRATE_BIN), {"export", "public.bench_export_rows", "--csv", atlasFile, "--no-sync"});
    }
    // psql truncates the file and writes into it; atlas-migrate writes a new file, syncs it to the
    // disk (unless --no-sync) and renames it over the old one. Both are shown.
    const double ratio = median(atlasNoSync) / median(psql);
    std::printf("export of 1,000,000 rows to CSV (median of %d interleaved runs)\n\n", kTrials);
    std::printf("psql \\copy %.0f ms, atlas-migrate export --no-sync %.0f ms: %.2fx (target <= 1.10x) %s; files %lld and %lld bytes\n",
                median(psql), median(atlasNoSync), ratio, ratio <= 1.10 ? "ok" : "MISSED", QFileInfo(psqlFile).size(),
                QFileInfo(atlasFile).size());
    std::printf("atlas-migrate export (the default: the file synced to the disk before it replaces the old one, which psql does not do)"
                " %.0f ms: %.2fx psql\n", median(atlas), median(atlas) / median(psql));
    std::printf("the browser's Export CSV of the whole table (in key order, synced; in-process) %.0f ms: %.2fx psql; %lld bytes\n",
                median(browser), median(browser) / median(psql), QFileInfo(browserFile).size());
    connection.exec(QStringLiteral("DROP TABLE public.bench_export_rows"));
    return 0;
}
