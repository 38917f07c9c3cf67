// Browser benchmarks: keyset pages on daily_usage at 10 thousand and at N million rows (default
// 10M, made by scripts/demo-data), in one run. Prints medians, the ratio big/small, the peak
// memory after paging far into the big table through the real model, the longest event-loop stall
// while a slow count runs, and how soon Cancel ends it. Needs the PG* variables of a local
// database (scripts/bench starts one) and the project's migrations.
#include "core/catalog/MigrationCatalog.h"
#include "db/browse/BrowseWorker.h"
#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"
#include "db/browse/TableBrowser.h"
#include "ui/browse/TableBrowserModel.h"
#include "db/workers/WorkerCall.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <time.h>

namespace {

const int kTrials = 11;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

void must(bool ok, const QString &what)
{
    if (!ok)
        qFatal("bench: %s", qPrintable(what));
}

// A database with the usage migration and `rows` daily_usage rows from scripts/demo-data.
QString prepare(const QString &name, qint64 rows)
{
    PgConnection admin;
    must(admin.open(QStringLiteral("dbname=postgres")).isEmpty(), QStringLiteral("cannot connect"));
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    must(admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template1").arg(name)).ok(), QStringLiteral("createdb"));
    PgConnection c;
    must(c.open(QStringLiteral("dbname=") + name).isEmpty(), QStringLiteral("connect ") + name);
    MigrationRunner runner(c);
    must(runner.apply(scanMigrationFolder(QStringLiteral(ATLAS_MIGRATIONS_DIR)).migrations.first()).ok, QStringLiteral("migrate"));
    QProcess demo;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGDATABASE"), name);
    demo.setProcessEnvironment(env);
    demo.start(QStringLiteral(ATLAS_SOURCE_DIR "/scripts/demo-data"), {"--daily-usage-rows", QString::number(rows), "--days", "1000"});
    must(demo.waitForFinished(30 * 60 * 1000) && demo.exitCode() == 0,
         QStringLiteral("demo-data: ") + QString::fromUtf8(demo.readAllStandardError()));
    return name;
}

struct Timings {
    double first = 0, last = 0, forward = 0;
};

Timings measure(const QString &database)
{
    PgConnection c;
    must(c.open(QStringLiteral("dbname=") + database).isEmpty(), QStringLiteral("connect"));
    BrowseSpec spec;
    spec.relation = QStringLiteral("public.daily_usage");
    spec.keyColumns = {QStringLiteral("id")};
    spec.pageSize = TableBrowserModel::kPageSize;
    // A boundary in the middle of the table, as after scrolling there.
    const QString middle = c.exec(QStringLiteral("SELECT (min(id) + max(id)) / 2 FROM daily_usage")).value(0, 0);
    QList<double> first, last, forward;
    for (int i = 0; i <= kTrials; ++i) {
        QElapsedTimer t;
        t.start();
        must(!TableBrowser::fetchPage(c, spec, PageAnchor::First, {}, {}).error.isError(), QStringLiteral("first"));
        const double a = t.nsecsElapsed() / 1e6;
        t.restart();
        must(!TableBrowser::fetchPage(c, spec, PageAnchor::Last, {}, {}).error.isError(), QStringLiteral("last"));
        const double b = t.nsecsElapsed() / 1e6;
        t.restart();
        must(!TableBrowser::fetchPage(c, spec, PageAnchor::After, {middle}, {}).error.isError(), QStringLiteral("forward"));
        const double f = t.nsecsElapsed() / 1e6;
        if (i > 0) {  // the first round warms the caches
            first << a;
            last << b;
            forward << f;
        }
    }
    return {median(first), median(last), median(forward)};
}

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// CPU time of the calling thread, in milliseconds.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// The longest wait between two turns of the event loop while a count over the big table runs for
// 300 ms, and how soon Cancel ends it.
void measureStallDuringCount(BrowseWorker *worker, const BrowseRequest &request, qint64 bigRows, const char *how)
{
    // Between two ticks: how long the loop was away (wall) and how much of it the GUI thread itself
    // ran (its CPU time): a long gap with little CPU is the thread waiting for a core, not our work.
    qint64 longestStall = 0;
    double cpuInLongestStall = 0;
    double mostCpuInAGap = 0;
    QElapsedTimer sinceTick;
    sinceTick.start();
    double cpuAtTick = threadCpuMs();
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double cpu = threadCpuMs() - cpuAtTick;
        if (sinceTick.elapsed() > longestStall) {
            longestStall = sinceTick.elapsed();
            cpuInLongestStall = cpu;
        }
        mostCpuInAGap = std::max(mostCpuInAGap, cpu);
        sinceTick.restart();
        cpuAtTick = threadCpuMs();
    });
    ticker.start(5);
    bool counted = false;
    QString error;
    const QMetaObject::Connection answer = QObject::connect(worker, &BrowseWorker::counted, [&](quint64, qint64, const QString &e) {
        counted = true;
        error = e;
    });
    BrowseRequest all = request;
    all.filters = {BrowseFilter{QStringLiteral("tier"), QStringLiteral("contains"), QStringLiteral("e")}};
    postTo(worker, [all](BrowseWorker &w) { w.count(1, all, ViewAs()); });
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QElapsedTimer cancel;
    cancel.start();
    worker->cancel();  // as the Cancel button does: directly, from the GUI thread
    while (!counted && cancel.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const qint64 cancelMs = cancel.elapsed();
    ticker.stop();
    QObject::disconnect(answer);
    std::printf("while a count(*) over %lld rows ran (%s): longest event-loop stall %lld ms (target <= 50 ms); "
                "Cancel returned in %lld ms (target <= 1000 ms)%s\n",
                bigRows, how, longestStall, cancelMs,
                error.contains(QLatin1String("57014")) ? " with 57014 query_canceled" : (counted ? " (it had finished)" : " (no answer)"));
    std::printf("  the GUI thread's own CPU time in that longest gap %.1f ms; the most it used between two turns of the loop %.1f ms"
                " (target < 10 ms)\n", cpuInLongestStall, mostCpuInAGap);
}

// Every process of the local server (the postmaster, its backends, and so the parallel workers it
// forks later) on core 1, and every thread of this process on core 0. False when it cannot.
bool pinServerAndConsole()
{
    PgConnection c;
    if (!c.open(QStringLiteral("dbname=postgres")).isEmpty())
        return false;
    const PgResult dir = c.exec(QStringLiteral("SHOW data_directory"));
    QFile pidFile(dir.value(0, 0) + QStringLiteral("/postmaster.pid"));
    if (!dir.ok() || !pidFile.open(QIODevice::ReadOnly))
        return false;
    const QByteArray postmaster = pidFile.readLine().trimmed();
    QProcess children;
    children.start(QStringLiteral("pgrep"), {QStringLiteral("-P"), QString::fromLatin1(postmaster)});
    children.waitForFinished();
    QStringList pids = QString::fromLatin1(children.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    pids.prepend(QString::fromLatin1(postmaster));
    for (const QString &pid : pids)
        if (QProcess::execute(QStringLiteral("taskset"), {QStringLiteral("-a"), QStringLiteral("-p"), QStringLiteral("2"), pid}) != 0)
            return false;
    return QProcess::execute(QStringLiteral("taskset"), {QStringLiteral("-a"), QStringLiteral("-p"), QStringLiteral("1"),
                                                          QString::number(QCoreApplication::applicationPid())}) == 0;
}

}  // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const qint64 bigRows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10'000'000;
    std::printf("Atlas Console browser benchmarks (median of %d runs)\n", kTrials);
    std::printf("preparing daily_usage with 10,000 and %lld rows (scripts/demo-data) ...\n", bigRows);
    std::fflush(stdout);
    QElapsedTimer clock;
    clock.start();
    const QString small = prepare(QStringLiteral("atlas_bench_browse_small"), 10'000);
    const QString big = prepare(QStringLiteral("atlas_bench_browse_big"), bigRows);
    std::printf("prepared in %.0f s\n\n", clock.elapsed() / 1000.0);

    const Timings s = measure(small);
    const Timings b = measure(big);
    std::printf("keyset pages of %d rows       10k rows    %lldM rows   ratio (target <= 1.5x)\n",
                TableBrowserModel::kPageSize, bigRows / 1'000'000);
    std::printf("  first page                %7.2f ms  %7.2f ms   %.2fx\n", s.first, b.first, b.first / s.first);
    std::printf("  jump to the last page     %7.2f ms  %7.2f ms   %.2fx\n", s.last, b.last, b.last / s.last);
    std::printf("  page forward (middle)     %7.2f ms  %7.2f ms   %.2fx\n\n", s.forward, b.forward, b.forward / s.forward);

    // The real model and worker, paging 300 pages (60,000 rows) into the big table.
    BrowseWorker *worker = BrowseWorker::startOnOwnThread();
    postTo(worker, [conninfo = QStringLiteral("dbname=") + big](BrowseWorker &w) { w.openConnection(conninfo); });
    TableBrowserModel model(worker);
    BrowseRequest request;
    request.schema = QStringLiteral("public");
    request.table = QStringLiteral("daily_usage");
    request.keyColumns = {QStringLiteral("id")};
    QStringList types(13, QStringLiteral("text"));
    const long before = peakRssMb();
    model.browse(request, types, {});
    while (model.rowCount() < 300 * TableBrowserModel::kPageSize) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    std::printf("paging 300 pages (60,000 rows) through the model: %d pages hold rows, peak RSS %ld MB "
                "(%ld MB before; target <= 150 MB)\n", model.loadedPages(), peakRssMb(), before);

    // A slow count on the big table: the event loop keeps turning, and Cancel ends it. Measured as
    // it is (the local server's parallel scan on the same two cores as the console), then with
    // the server on one core and the console on the other, as a remote server would be.
    measureStallDuringCount(worker, request, bigRows, "as it is");
    if (QThread::idealThreadCount() >= 2 && pinServerAndConsole())
        measureStallDuringCount(worker, request, bigRows, "server pinned to core 1, console to core 0");
    else
        std::printf("(not measured with the server pinned: needs two cores and the right to set the server's CPU affinity)\n");
    worker->stop();

    PgConnection admin;
    admin.open(QStringLiteral("dbname=postgres"));
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(small));
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(big));
    return 0;
}
