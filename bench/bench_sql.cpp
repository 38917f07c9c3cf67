// The SQL editor against psql on a 1,000,000-row SELECT, side by side in one run: the time to the
// first rows (the editor's grid has them; psql with FETCH_COUNT has printed its first), and the
// editor's peak memory while paging through the whole result through the real model. Targets:
// first rows <= 1.2x psql's; peak RSS <= 150 MB. Needs the PG* variables of a local database.
#include "db/sqleditor/SqlEditorWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/sqleditor/ResultModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

constexpr int kTrials = 7;
constexpr int kPageSize = 500;
const QString kQuery = QStringLiteral("SELECT g, md5(g::text) AS hash, now() AS at FROM generate_series(1, 1000000) g");

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// psql with FETCH_COUNT: milliseconds until its first row is on standard output.
double psqlFirstRows()
{
    QProcess psql;
    QElapsedTimer clock;
    clock.start();
    psql.start(QStringLiteral("psql"), {"-X", "-q", "-v", "FETCH_COUNT=500", "-c", kQuery});
    if (!psql.waitForReadyRead(60000))
        qFatal("bench: psql gave nothing");
    const double ms = clock.nsecsElapsed() / 1e6;
    psql.kill();
    psql.waitForFinished();
    return ms;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SqlEditorWorker *worker = SqlEditorWorker::startOnOwnThread();
    QSignalSpy opened(worker, &SqlEditorWorker::opened);
    postTo(worker, [](SqlEditorWorker &w) { w.openConnection(QString()); });
    if (!QTest::qWaitFor([&] { return !opened.isEmpty(); }, 10000) || !opened.first().at(0).toBool())
        qFatal("bench: the editor's worker could not connect");
    QSignalSpy results(worker, &SqlEditorWorker::resultReady);
    RunSettings settings;
    settings.pageSize = kPageSize;

    QList<double> editor;
    QList<double> psql;
    quint64 ticket = 1;
    for (int trial = 0; trial < kTrials; ++trial) {
        psql << psqlFirstRows();
        results.clear();
        QElapsedTimer clock;
        clock.start();
        const quint64 t = ticket++;
        postTo(worker, [t, settings](SqlEditorWorker &w) { w.run(t, kQuery, 1, 1, settings); });
        if (!QTest::qWaitFor([&] { return !results.isEmpty(); }, 60000))
            qFatal("bench: no first rows");
        editor << clock.nsecsElapsed() / 1e6;
    }
    const double ratio = median(editor) / median(psql);
    std::printf("SQL editor against psql (FETCH_COUNT=500), 1,000,000-row SELECT, median of %d interleaved runs\n\n", kTrials);
    std::fflush(stdout);
    std::printf("first rows: editor %.1f ms, psql %.1f ms: %.2fx (target <= 1.20x) %s\n", median(editor), median(psql), ratio,
                ratio <= 1.2 ? "ok" : "MISSED");

    // Paging through the whole result through the grid's model, as scrolling to the end does.
    const QueryResult first = results.first().at(0).value<QueryResult>();
    ResultModel model;
    model.reset(first, kPageSize, [&](qint64 offset, int count) {
        postTo(worker, [t = first.ticket, offset, count](SqlEditorWorker &w) { w.fetchMore(t, offset, count); });
    });
    results.clear();
    QElapsedTimer clock;
    clock.start();
    while (model.hasMore()) {
        model.fetchMore(QModelIndex());
        if (!QTest::qWaitFor([&] { return !results.isEmpty(); }, 60000))
            qFatal("bench: a page did not come");
        model.addPage(results.takeFirst().at(0).value<QueryResult>());
    }
    const long rss = peakRssMb();
    std::printf("paged %lld rows in %.1f s, %d pages held at the end, peak RSS %ld MB (target <= 150 MB) %s\n", model.rowsKnown(),
                clock.elapsed() / 1000.0, model.pagesHeld(), rss, rss <= 150 ? "ok" : "MISSED");
    worker->stop();
    return 0;
}
