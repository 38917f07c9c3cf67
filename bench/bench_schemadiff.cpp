// Schema compare at size: a schema of 1,000 tables (10,000 columns, 2,000 indexes, 1,000
// policies) read and compared, against pg_dump --schema-only of the same database, side by side
// in one run (median of interleaved trials, each a process as a user runs it). Target: <= 1.0x.
// Needs the PG* variables of a local database (scripts/bench starts one).
#include "core/schema/SchemaCompare.h"
#include "db/pg/PgConnection.h"
#include "db/schema/SchemaReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kTrials = 9;
constexpr int kTables = 1000;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Two processes side by side, as `pg_dump a & pg_dump b; wait` runs them.
double timedTogether(const QString &program, const QStringList &first, const QStringList &second)
{
    QProcess one;
    QProcess two;
    QElapsedTimer clock;
    clock.start();
    one.start(program, first);
    two.start(program, second);
    if (!one.waitForFinished(10 * 60 * 1000) || !two.waitForFinished(10 * 60 * 1000) || one.exitCode() != 0 || two.exitCode() != 0)
        qFatal("bench: %s failed: %s %s", qPrintable(program), one.readAllStandardError().constData(), two.readAllStandardError().constData());
    return clock.nsecsElapsed() / 1e6;
}

double timed(const QString &program, const QStringList &arguments, int expectedExit = 0, QByteArray *output = nullptr)
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForFinished(10 * 60 * 1000) || process.exitCode() != expectedExit)
        qFatal("bench: %s exited %d: %s", qPrintable(program), process.exitCode(), process.readAllStandardError().constData());
    const double ms = clock.nsecsElapsed() / 1e6;
    if (output)
        *output = process.readAllStandardOutput();
    return ms;
}

// 1,000 tables of ten columns, each with a primary key, a second index and a policy.
QString schemaSql()
{
    QString sql;
    for (int i = 0; i < kTables; ++i)
        sql += QStringLiteral("CREATE TABLE public.t%1 (id bigint PRIMARY KEY, owner uuid, c2 text, c3 int DEFAULT 0, c4 numeric(12,2),"
                              " c5 timestamptz DEFAULT now(), c6 jsonb, c7 boolean NOT NULL DEFAULT false, c8 text, c9 date);"
                              "CREATE INDEX t%1_owner ON public.t%1 (owner);"
                              "ALTER TABLE public.t%1 ENABLE ROW LEVEL SECURITY;"
                              "CREATE POLICY own ON public.t%1 FOR SELECT TO authenticated USING (owner = auth.uid());")
                   .arg(i);
    return sql;
}

void makeDatabase(PgConnection &admin, const QString &name, const QString &extra)
{
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
    if (!admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template1").arg(name)).ok())
        qFatal("bench: cannot create %s", qPrintable(name));
    PgConnection connection;
    if (!connection.open(QStringLiteral("dbname=") + name).isEmpty())
        qFatal("bench: cannot connect to %s", qPrintable(name));
    const PgResult made = connection.exec(schemaSql() + extra);
    if (!made.ok())
        qFatal("bench: %s", qPrintable(made.error().toString()));
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    PgConnection admin;
    if (!admin.open(QStringLiteral("dbname=postgres")).isEmpty())
        qFatal("bench: cannot connect");
    makeDatabase(admin, QStringLiteral("bench_schema_a"), QString());
    // B differs a little, as staging from production: a column, an index, a policy.
    makeDatabase(admin, QStringLiteral("bench_schema_b"),
                 QStringLiteral("ALTER TABLE public.t5 ADD COLUMN tier text; CREATE INDEX t6_c2 ON public.t6 (c2);"
                                "CREATE POLICY own_insert ON public.t7 FOR INSERT TO authenticated WITH CHECK (owner = auth.uid());"));
    const QString bin = qEnvironmentVariable("PG_BINDIR", QStringLiteral("/usr/lib/postgresql/15/bin"));
    QList<double> dump;
    QList<double> dumpBoth;
    QList<double> compare;
    QByteArray generated;
    for (int trial = 0; trial < kTrials; ++trial) {
        dump << timed(bin + QStringLiteral("/pg_dump"), {"--schema-only", "-f", "/dev/null", "-d", "bench_schema_a"});
        dumpBoth << timedTogether(bin + QStringLiteral("/pg_dump"), {"--schema-only", "-f", "/dev/null", "-d", "bench_schema_a"},
                                  {"--schema-only", "-f", "/dev/null", "-d", "bench_schema_b"});
        compare << timed(QStringLiteral(ATLAS_MIGRATE_BIN), {"schema-diff", "--from", "dbname=bench_schema_a", "--to", "dbname=bench_schema_b"},
                         1, &generated);
    }
    // The same work in one process, step by step: one schema read, and the comparison of two.
    QList<double> readOne;
    QList<double> compareOnly;
    for (int trial = 0; trial < kTrials; ++trial) {
        PgConnection a;
        PgConnection b;
        if (!a.open(QStringLiteral("dbname=bench_schema_a")).isEmpty() || !b.open(QStringLiteral("dbname=bench_schema_b")).isEmpty())
            qFatal("bench: cannot connect");
        SchemaModel modelA;
        SchemaModel modelB;
        QElapsedTimer clock;
        clock.start();
        if (!readSchemaModel(a, SchemaScope::fromOptions({}, {}), &modelA).ok())
            qFatal("bench: cannot read");
        readOne << clock.nsecsElapsed() / 1e6;
        readSchemaModel(b, SchemaScope::fromOptions({}, {}), &modelB);
        clock.restart();
        const SchemaCompareResult result = compareSchemaModels(std::move(modelA), std::move(modelB));
        compareOnly << clock.nsecsElapsed() / 1e6;
        if (result.differences.size() != 3)
            qFatal("bench: expected 3 differences, got %d", int(result.differences.size()));
    }
    // The target: a schema read and compared in no more than pg_dump's time for it. The CLI
    // reads two databases at once, on the same two cores as their server: beside one pg_dump, the
    // stricter figure; beside two side by side, the same work.
    const double readAndCompare = (median(readOne) + median(compareOnly)) / median(dump);
    const double cli = median(compare) / median(dump);
    std::printf("schema compare of %d tables (%d columns, %d indexes, %d policies), median of %d interleaved runs\n\n", kTables,
                kTables * 10, kTables * 2, kTables, kTrials);
    std::printf("pg_dump --schema-only of one database %.0f ms; one schema read %.0f ms (%.2fx), two models compared with both migrations"
                " generated and linted %.0f ms: one read and the comparison %.2fx pg_dump (target <= 1.0x) %s\n",
                median(dump), median(readOne), median(readOne) / median(dump), median(compareOnly), readAndCompare,
                readAndCompare <= 1.0 ? "ok" : "MISSED");
    std::printf("atlas-migrate schema-diff of two databases (both read side by side, compared, SQL generated) %.0f ms: %.2fx one pg_dump (%s),"
                " %.2fx two pg_dumps side by side (%.0f ms)\n",
                median(compare), cli, cli <= 1.0 ? "<= 1.0x" : "over 1.0x", median(compare) / median(dumpBoth), median(dumpBoth));
    std::printf("generated: %d lines\n", int(generated.count('\n')));
    admin.exec(QStringLiteral("DROP DATABASE bench_schema_a"));
    admin.exec(QStringLiteral("DROP DATABASE bench_schema_b"));
    return 0;
}
