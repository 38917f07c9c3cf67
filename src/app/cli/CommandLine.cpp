#include "app/cli/CommandLine.h"

#include "app/cli/ReportJson.h"
#include "core/connection/ConnectionProblem.h"
#include "core/connection/ConnectionTarget.h"
#include "core/catalog/MigrationCatalog.h"
#include "core/connection/Redaction.h"
#include "core/sql/SqlScript.h"
#include "core/text/TextTable.h"
#include "db/migrate/MigrationRunner.h"
#include "core/sql/SupabaseSplitter.h"
#include "core/sql/StatementDiff.h"
#include "db/blockers/BlockerWatch.h"
#include "db/migrate/MigrationHistory.h"
#include "db/migrate/RelationSizes.h"
#include "db/pg/PgConnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QTextStream>

#include <csignal>
#include <future>
#include <cstdio>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <cstdlib>
#include <thread>
#include <unistd.h>

namespace CommandLine {

namespace {

const QStringList kVerbs = {QStringLiteral("status"), QStringLiteral("plan"), QStringLiteral("apply"),
                            QStringLiteral("rollback"), QStringLiteral("verify"), QStringLiteral("diff"),
                           QStringLiteral("repair")};

// SIGINT/SIGTERM reach the engine through a pipe: the handler only writes a byte, and a thread
// that reads it calls the runner's cancel (which takes a mutex, not allowed in a handler).
int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
    // The first signal cancels cleanly; a second one ends the process at once.
    std::signal(signal, SIG_DFL);
}

class Output {
public:
    explicit Output(bool colour)
        : m_out(stdout)
        , m_err(stderr)
        , m_colour(colour)
    {
    }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QString paint(const QString &text, const char *code) const
    {
        return m_colour ? QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text) : text;
    }
    bool colour() const { return m_colour; }

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_colour;
};

const char *stateColour(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return "32";
    case MigrationState::Pending: return "36";
    case MigrationState::Modified:
    case MigrationState::OutOfOrder: return "33";
    case MigrationState::MissingFile:
    case MigrationState::Failed: return "31";
    }
    return "";
}

void printIssues(Output &o, const MigrationCatalog &catalog)
{
    for (const CatalogIssue &issue : catalog.issues)
        o.err() << catalog.folder << QLatin1Char('/') << issue.toString() << Qt::endl;
}

void printStatus(Output &o, const QList<MigrationStatusRow> &rows)
{
    TextTable table({QStringLiteral("VERSION"), QStringLiteral("NAME"), QStringLiteral("STATE"),
                     QStringLiteral("APPLIED"), QStringLiteral("DETAIL")});
    for (const MigrationStatusRow &row : rows) {
        QString applied;
        if (row.appliedAt) {
            // UTC, formatted by hand: the same in every terminal and CI log, and a time-zone
            // conversion plus QDateTime::toString per row cost more than the rest of status.
            const QDateTime utc = row.appliedAt->toUTC();
            const QDate d = utc.date();
            const QTime t = utc.time();
            const auto two = [](int n) { return QString::number(n).rightJustified(2, QLatin1Char('0')); };
            applied = QString::number(d.year()) + QLatin1Char('-') + two(d.month()) + QLatin1Char('-') + two(d.day())
                + QLatin1Char(' ') + two(t.hour()) + QLatin1Char(':') + two(t.minute()) + QStringLiteral("Z ") + row.appliedBy;
        }
        table.addRow({row.version, row.name, migrationStateName(row.state), applied, row.detail},
                     {QString(), QString(), QLatin1String(stateColour(row.state))});
    }
    o.out() << table.render(o.colour());
}

// The locks the file's statements take, with each existing table's size: before anything runs.
void printLocks(Output &o, const SqlScript &parsed, const QHash<QString, RelationSize> &sizes)
{
    QStringList lines;
    for (const SqlStatement &s : parsed.statements) {
        for (const LockEffect &l : s.locks) {
            if (l.newHere)
                continue;  // created by this migration: nobody waits for it
            const RelationSize size = sizes.value(l.relation);
            QString line = QStringLiteral("  line %1: %2 on %3 (%4)").arg(s.line).arg(l.mode, l.relation, l.what);
            QStringList notes;
            if (l.rewrites)
                notes << QStringLiteral("rewrites the table");
            if (l.scans)
                notes << QStringLiteral("reads every row");
            if (size.bytes >= 0)
                notes << (size.estimatedRows >= 0 ? QStringLiteral("%1, ~%2 rows").arg(size.pretty).arg(size.estimatedRows)
                                                  : QStringLiteral("%1, rows not yet estimated (no ANALYZE)").arg(size.pretty));
            if (!notes.isEmpty())
                line += QStringLiteral(": ") + notes.join(QStringLiteral(", "));
            if (!l.saferForm.isEmpty())
                line += QStringLiteral("\n      safer: ") + l.saferForm;
            lines << line;
        }
    }
    if (lines.isEmpty())
        return;
    o.out() << QStringLiteral("Locks (lock_timeout applies to each):\n") << lines.join(QLatin1Char('\n')) << '\n';
}

void printReport(Output &o, const RunReport &report, const MigrationFile *file, const QHash<QString, RelationSize> &sizes)
{
    const QString title = report.version.isEmpty() ? QString() : report.version + QLatin1Char('_') + report.name;
    if (report.dryRun && !report.version.isEmpty()) {
        o.out() << o.paint(QStringLiteral("== %1 (%2, dry run: rolled back) ==").arg(title, report.direction), "1") << '\n';
        const SqlScript parsed = parseSqlScript(file ? (report.direction == QLatin1String("down") ? file->down.sql : file->up.sql) : QString());
        TextTable table({QStringLiteral("#"), QStringLiteral("LINE"), QStringLiteral("STATEMENT"), QStringLiteral("ROWS"),
                         QStringLiteral("RISK")});
        for (const StatementReport &s : report.statements) {
            const SqlStatement *st = s.index < parsed.statements.size() ? &parsed.statements.at(s.index) : nullptr;
            QStringList reasons;
            if (st) {
                for (const StatementRisk &r : st->risks)
                    reasons << riskLevelName(r.level) + QStringLiteral(": ") + r.reason;
            }
            const RiskLevel level = st ? st->riskLevel() : RiskLevel::None;
            table.addRow({QString::number(s.index + 1), QString::number(s.line), s.commandTag.isEmpty() ? s.kind : s.commandTag,
                          s.affectedRows >= 0 ? QString::number(s.affectedRows) : QString(), reasons.join(QStringLiteral("; "))},
                         {QString(), QString(), QString(), QString(),
                          level == RiskLevel::Destructive ? QStringLiteral("31") : (level == RiskLevel::Caution ? QStringLiteral("33") : QString())});
        }
        o.out() << table.render(o.colour());
        printLocks(o, parsed, sizes);
        if (!report.schemaChanges.isEmpty()) {
            o.out() << QStringLiteral("Schema changes (%1):\n").arg(report.schemaChanges.size());
            for (const SchemaChange &c : report.schemaChanges) {
                const char *code = c.type == SchemaChange::Type::Dropped ? "31" : (c.type == SchemaChange::Type::Changed ? "33" : "32");
                o.out() << "  " << o.paint(schemaChangeTypeName(c.type).leftJustified(8), code) << c.kind.leftJustified(11)
                        << c.name << '\n';
            }
        }
    }
    if (report.direction == QLatin1String("verify")) {
        for (const CheckResult &check : report.checks) {
            o.out() << (check.passed ? o.paint(QStringLiteral("  pass  "), "32") : o.paint(QStringLiteral("  FAIL  "), "31"))
                    << check.name;
            if (!check.detail.isEmpty())
                o.out() << "  (" << check.detail << ')';
            o.out() << '\n';
        }
    }
    for (const QString &warning : report.warnings)
        o.err() << o.paint(QStringLiteral("warning: "), "33") << warning << Qt::endl;
    if (report.ok)
        o.out() << (report.skipped ? QString() : o.paint(QStringLiteral("ok: "), "32")) << report.message << Qt::endl;
    else
        o.err() << o.paint(report.cancelled ? QStringLiteral("cancelled: ") : QStringLiteral("error: "), "31")
                << report.message << Qt::endl;
    o.out().flush();
}

int exitCodeFor(const QList<RunReport> &reports)
{
    for (const RunReport &r : reports) {
        if (r.cancelled)
            return Cancelled;
        if (r.lockBusy)
            return LockBusy;
        if (!r.ok)
            return Failed;
    }
    return Ok;
}

}  // namespace

bool handles(int argc, char **argv)
{
    return argc > 1 && kVerbs.contains(QString::fromLocal8Bit(argv[1]));
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atlas-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATLAS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Atlas Console, command line: the migration engine for scripts and CI.\n"
        "  status            every migration and its state in the database\n"
        "  plan [VERSION]    dry run of the pending migrations up to VERSION (rolled back)\n"
        "  apply             apply the pending migrations (--to VERSION to stop there)\n"
        "  rollback [VERSION]  run the down file of VERSION (default: the newest applied)\n"
        "  verify [VERSION]  run the verify checks of VERSION (default: every applied migration)\n"
        "  diff VERSION      how the file's statements differ from the ones recorded when it was applied\n"
        "  repair VERSION --status applied|reverted --reason TEXT [--yes]\n"
        "                    mark it applied or reverted without running it, after its diff and checks"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("status, plan, apply, rollback or verify"));
    const QCommandLineOption dsn(QStringLiteral("dsn"), QStringLiteral("Connection URI or key=value string (default: DATABASE_URL, then PG* variables)."), QStringLiteral("conninfo"));
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("Migrations folder (default: ./supabase/migrations if present, else the project's migrations/)."), QStringLiteral("folder"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON for machines."));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("apply/plan: stop after this version."), QStringLiteral("version"));
    const QCommandLineOption down(QStringLiteral("down"), QStringLiteral("plan: preview the rollback of VERSION instead."));
    const QCommandLineOption outOfOrder(QStringLiteral("include-out-of-order"), QStringLiteral("apply: also apply pending migrations older than the newest applied one."));
    const QCommandLineOption lockWait(QStringLiteral("lock-wait"), QStringLiteral("Seconds to wait for another session's migration lock (default 30)."), QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption lockTimeout(QStringLiteral("lock-timeout"), QStringLiteral("lock_timeout for the migration's statements (default 4s)."), QStringLiteral("duration"), QStringLiteral("4s"));
    const QCommandLineOption statementTimeout(QStringLiteral("statement-timeout"), QStringLiteral("statement_timeout for the migration's statements (default 15min; 0 is none)."), QStringLiteral("duration"), QStringLiteral("15min"));
    const QCommandLineOption pooled(QStringLiteral("pooled"), QStringLiteral("The connection goes through a transaction pooler (detected for Supabase port 6543)."));
    const QCommandLineOption noColour(QStringLiteral("no-color"), QStringLiteral("No colours (also when NO_COLOR is set or output is not a terminal)."));
    const QCommandLineOption repairStatus(QStringLiteral("status"), QStringLiteral("repair: applied or reverted."), QStringLiteral("status"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("repair: why, for the audit table."), QStringLiteral("text"));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("repair: do it (without it, repair only shows what it would do)."));
    const QCommandLineOption resume(QStringLiteral("resume"), QStringLiteral("apply: run a migration that failed part way outside a transaction on from its failed statement."));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("repair --status applied: even though the verify checks fail."));
    parser.addOptions({dsn, dir, json, to, down, outOfOrder, lockWait, lockTimeout, statementTimeout, pooled, noColour,
                       repairStatus, reason, yes, force, resume});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString verb = positional.value(0);
    const QString version = positional.value(1);
    const bool colour = !parser.isSet(json) && !parser.isSet(noColour) && qEnvironmentVariableIsEmpty("NO_COLOR")
        && ::isatty(STDOUT_FILENO) && qEnvironmentVariable("TERM") != QLatin1String("dumb");
    Output o(colour);
    // With --json, a failure before any result still prints one JSON document.
    const auto failEarly = [&](int code, const QString &message) {
        if (parser.isSet(json))
            o.out() << QJsonDocument(QJsonObject{{"ok", false}, {"exit_code", code}, {"error", message}}).toJson();
        o.err() << "atlas-console: " << message << Qt::endl;
        return code;
    };
    if (positional.size() > 2 || (!version.isEmpty() && (verb == QLatin1String("status") || verb == QLatin1String("apply")))) {
        return failEarly(Usage, QStringLiteral("%1 takes no version argument%2")
                                    .arg(verb, verb == QLatin1String("apply") ? QStringLiteral(" (use --to VERSION)") : QString()));
    }
    bool lockWaitOk = false;
    const double lockWaitSeconds = parser.value(lockWait).toDouble(&lockWaitOk);
    if (!lockWaitOk || lockWaitSeconds < 0) {
        return failEarly(Usage, QStringLiteral("--lock-wait takes a number of seconds, not \"%1\"").arg(parser.value(lockWait)));
    }

    const QString folder = parser.isSet(dir)
        ? parser.value(dir)
        : defaultMigrationFolder(QDir::currentPath(), shippedMigrationFolder(QStringLiteral(ATLAS_DEFAULT_MIGRATIONS_DIR),
                                                                             QCoreApplication::applicationDirPath()));
    if (!QFileInfo(folder).isDir()) {
        const MigrationCatalog missing = scanMigrationFolder(folder);
        if (!parser.isSet(json))
            printIssues(o, missing);
        return parser.isSet(json) ? failEarly(Usage, missing.errors().value(0).toString()) : Usage;
    }
    // Read the folder, and checksum each file (what the status compares with the audit), on a
    // second thread while this one connects and reads the history: for a folder of a thousand
    // migrations the two take about as long.
    std::future<MigrationCatalog> scanning = std::async(std::launch::async, [folder] {
        // Behind the handshake and the history read, which wait on the server: on a machine with
        // few cores the scan takes what they leave (Linux: a thread's own nice value).
        [[maybe_unused]] const int niced = ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
        MigrationCatalog scanned = scanMigrationFolder(folder);
        for (const MigrationFile &migration : scanned.migrations)
            migration.up.sha256();
        return scanned;
    });

    const QString conninfo = parser.isSet(dsn) ? parser.value(dsn) : qEnvironmentVariable("DATABASE_URL");
    PgConnection connection;
    const QString failure = connection.open(conninfo, QStringLiteral("atlas-console-cli"));
    if (!failure.isEmpty()) {
        const MigrationCatalog catalog = scanning.get();
        if (!parser.isSet(json))
            printIssues(o, catalog);
        const ConnectionProblem problem = classifyConnectionProblem(failure);
        failEarly(NoConnection, QStringLiteral("cannot connect: %1 (%2)").arg(problem.summary, connectionProblemKindName(problem.kind)));
        if (!problem.advice.isEmpty())
            o.err() << problem.advice << '\n';
        o.err() << "libpq: " << redactConnectionString(problem.raw) << Qt::endl;
        return NoConnection;
    }
    const ConnectionTarget target = classifyTarget(connection.host(), connection.port(), connection.user());

    RunnerOptions options;
    options.lockWaitMs = int(lockWaitSeconds * 1000);
    options.lockTimeout = parser.value(lockTimeout);
    options.statementTimeout = parser.value(statementTimeout);
    options.transactionPooled = parser.isSet(pooled) || target.isTransactionPooler();
    MigrationRunner runner(connection, options);
    if (!parser.isSet(json)) {
        runner.setNoticeHandler([&o](const QString &notice) { o.err() << notice << Qt::endl; });
        if (::isatty(STDERR_FILENO))
            runner.setProgressHandler([&o](int index, int count, const QString &statement) {
                o.err() << QStringLiteral("\r\x1b[K[%1/%2] %3").arg(index + 1).arg(count).arg(statement.simplified().left(70))
                        << (index + 1 == count ? "\n" : "") << Qt::flush;
            });
    }

    // Ctrl-C cancels the running statement through libpq's cancel request.
    if (::pipe(g_signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    std::thread canceller([&runner] {
        char byte = 0;
        if (::read(g_signalPipe[0], &byte, 1) == 1 && byte == 1)
            runner.cancel();
    });
    const auto stopCanceller = [&] {
        const char stop = 0;
        [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &stop, 1);
        canceller.join();
    };

    // Apply reads the history itself, under the lock; reading it here too would only cost time.
    const bool statusNeeded = verb != QLatin1String("apply") || parser.isSet(resume);
    HistorySnapshot history = statusNeeded ? runner.readHistory() : HistorySnapshot();
    const MigrationCatalog catalog = scanning.get();
    if (!parser.isSet(json))
        printIssues(o, catalog);
    const bool writes = verb == QLatin1String("apply") || verb == QLatin1String("rollback");
    if (catalog.hasErrors() && verb != QLatin1String("status")) {
        stopCanceller();
        return failEarly(Usage, QStringLiteral("%1the migrations folder %2 has errors%3")
                                    .arg(writes ? QStringLiteral("nothing was changed: ") : QString(), folder,
                                         parser.isSet(json) ? QString() : QStringLiteral(" (above)")));
    }

    QList<RunReport> reports;
    QHash<QString, RelationSize> sizes;  // plan: the tables its statements lock
    QJsonObject document{{"folder", QDir(folder).absolutePath()},
                         {"target", QJsonObject{{"host", connection.host()}, {"port", connection.port()},
                                                {"database", connection.database()}, {"user", connection.user()},
                                                {"kind", targetKindName(target.kind)}}},
                         {"issues", ReportJson::fromIssues(catalog.issues)}};
    int code = Ok;
    const StatusReport current = statusNeeded ? runner.status(catalog, std::move(history)) : StatusReport();
    if (!current.ok()) {
        stopCanceller();
        return failEarly(Failed, QStringLiteral("could not read the migration history: %1").arg(current.error.toString()));
    }
    // The newest migration recorded in the database, whether or not the folder has its file.
    const auto newestApplied = [&current]() -> QString {
        QString newest;
        for (const MigrationStatusRow &row : current.rows) {
            if (row.recorded && (newest.isEmpty() || versionLess(newest, row.version)))
                newest = row.version;
        }
        return newest;
    };

    if (verb == QLatin1String("status")) {
        if (parser.isSet(json)) {
            QJsonArray rows;
            for (const MigrationStatusRow &row : current.rows)
                rows.append(ReportJson::fromStatusRow(row));
            document.insert("migrations", rows);
        } else {
            o.out() << QStringLiteral("%1 against %2@%3:%4/%5 (%6)\n")
                           .arg(QDir(folder).absolutePath(), connection.user(), connection.host())
                           .arg(connection.port())
                           .arg(connection.database(), target.describe());
            printStatus(o, current.rows);
        }
        code = catalog.hasErrors() ? Usage : Ok;
    } else if (verb == QLatin1String("plan")) {
        if (parser.isSet(down)) {
            const QString v = version.isEmpty() ? newestApplied() : version;
            const MigrationFile *file = catalog.find(v);
            if (!file) {
                stopCanceller();
                return failEarly(Usage, v.isEmpty() ? QStringLiteral("nothing is applied; nothing to roll back")
                                                    : QStringLiteral("no migration file with version %1 in %2").arg(v, folder));
            }
            reports.append(runner.dryRun(*file, true));
        } else {
            const QString upTo = version.isEmpty() ? parser.value(to) : version;
            if (!upTo.isEmpty() && !catalog.find(upTo)) {
                stopCanceller();
                return failEarly(Usage, QStringLiteral("no migration with version %1 in %2").arg(upTo, folder));
            }
            reports = runner.dryRunPending(catalog, upTo);
            QStringList touched;
            for (const RunReport &r : reports) {
                if (const MigrationFile *f = catalog.find(r.version)) {
                    for (const SqlStatement &s : parseSqlScript(f->up.sql).statements)
                        for (const LockEffect &l : s.locks)
                            touched << l.relation;
                }
            }
            sizes = relationSizes(connection, touched);
            if (reports.isEmpty()) {
                RunReport nothing;
                nothing.ok = nothing.skipped = true;
                nothing.message = QStringLiteral("nothing to preview: no pending migrations");
                reports.append(nothing);
            }
        }
        code = exitCodeFor(reports);
    } else if (verb == QLatin1String("apply")) {
        if (parser.isSet(to) && !catalog.find(parser.value(to))) {
            stopCanceller();
            return failEarly(Usage, QStringLiteral("no migration with version %1 in %2").arg(parser.value(to), folder));
        }
        {
            // While it applies: who blocks it, when it waits longer than a second. The watch
            // reports from its own thread: through stdio, which locks, not the Qt stream.
            const bool colour = o.colour();
            BlockerWatch watch(conninfo, runner.backendPid(), [colour](const QString &line) {
                std::fprintf(stderr, "%sblocked:%s %s\n", colour ? "\x1b[33m" : "", colour ? "\x1b[0m" : "",
                             line.toLocal8Bit().constData());
                std::fflush(stderr);
            });
            // A migration that failed part way outside a transaction goes on only when asked.
            for (const MigrationStatusRow &row : current.rows) {
                if (!parser.isSet(resume) || row.resumeFrom <= 0
                    || (parser.isSet(to) && versionLess(parser.value(to), row.version)))
                    continue;
                reports.append(runner.resume(*catalog.find(row.version), row.resumeFrom));
                if (!reports.last().ok)
                    break;
            }
            if (reports.isEmpty() || reports.last().ok)
                reports += runner.applyPending(catalog, parser.value(to), parser.isSet(outOfOrder));
        }
        code = exitCodeFor(reports);
        if (!reports.isEmpty() && reports.last().resumeFrom > 0)
            o.err() << QStringLiteral("atlas-console: `apply --resume` runs %1 on from statement %2; `rollback %1` runs its "
                                      "down file\n")
                           .arg(reports.last().version)
                           .arg(reports.last().resumeFrom + 1);
    } else if (verb == QLatin1String("rollback")) {
        const QString v = version.isEmpty() ? newestApplied() : version;
        const MigrationFile *file = catalog.find(v);
        if (v.isEmpty()) {
            RunReport nothing;
            nothing.ok = nothing.skipped = true;
            nothing.message = QStringLiteral("nothing is applied; nothing to roll back");
            reports.append(nothing);
        } else if (!file) {
            stopCanceller();
            return failEarly(Usage, QStringLiteral("%1 %2 has no file in %3: its down file is needed to roll it back")
                                        .arg(version.isEmpty() ? QStringLiteral("the newest applied migration")
                                                               : QStringLiteral("migration"),
                                             v, folder));
        } else {
            reports.append(runner.rollback(*file));
        }
        code = exitCodeFor(reports);
    } else if (verb == QLatin1String("verify")) {
        QList<const MigrationFile *> targets;
        if (!version.isEmpty()) {
            if (!catalog.find(version)) {
                stopCanceller();
                return failEarly(Usage, QStringLiteral("no migration with version %1 in %2").arg(version, folder));
            }
            targets.append(catalog.find(version));
        } else {
            for (const MigrationStatusRow &row : current.rows) {
                if ((row.state == MigrationState::Applied || row.state == MigrationState::Modified) && row.hasFile)
                    targets.append(catalog.find(row.version));
            }
        }
        for (const MigrationFile *file : targets)
            reports.append(runner.verify(*file));
        if (reports.isEmpty()) {
            RunReport nothing;
            nothing.ok = nothing.skipped = true;
            nothing.message = QStringLiteral("nothing to verify: no migration is applied");
            reports.append(nothing);
        }
        code = exitCodeFor(reports);
    } else if (verb == QLatin1String("diff")) {
        const MigrationFile *file = catalog.find(version);
        QHash<QString, QStringList> recorded;
        if (version.isEmpty() || !file) {
            stopCanceller();
            return failEarly(Usage, version.isEmpty() ? QStringLiteral("diff needs a VERSION")
                                                      : QStringLiteral("no migration with version %1 in %2").arg(version, folder));
        }
        const PgResult read = current.ok() ? MigrationHistory::readStatements(connection, {version}, &recorded) : PgResult();
        if (!recorded.contains(version)) {
            stopCanceller();
            return failEarly(Usage, read.ok() ? QStringLiteral("%1 is not recorded as applied (or has no statements recorded)").arg(version)
                                              : read.error().toString());
        }
        const QList<StatementDelta> deltas = diffStatements(recorded.value(version), splitLikeSupabaseCli(file->up.sql));
        const QString text = describeStatementDiff(deltas);
        if (parser.isSet(json)) {
            document.insert("version", version);
            document.insert("modified", !text.isEmpty());
            document.insert("diff", text);
        } else {
            o.out() << (text.isEmpty() ? QStringLiteral("%1: the file's statements are the ones applied\n").arg(file->up.fileName)
                                       : QStringLiteral("%1 differs from what was applied:\n%2\n").arg(file->up.fileName, text));
        }
        code = text.isEmpty() ? Ok : Failed;
    } else if (verb == QLatin1String("repair")) {
        const QString status = parser.value(repairStatus);
        const bool markApplied = status == QLatin1String("applied");
        const MigrationFile *file = catalog.find(version);
        QString refusal;
        if (version.isEmpty() || (!markApplied && status != QLatin1String("reverted")))
            refusal = QStringLiteral("repair needs a VERSION and --status applied or --status reverted");
        else if (markApplied && !file)
            refusal = QStringLiteral("no migration file with version %1 in %2: only --status reverted can repair it").arg(version, folder);
        else if (parser.value(reason).trimmed().isEmpty())
            refusal = QStringLiteral("repair needs --reason TEXT: it goes into the audit table with your name");
        if (!refusal.isEmpty()) {
            stopCanceller();
            return failEarly(Usage, refusal);
        }
        const auto row = std::find_if(current.rows.begin(), current.rows.end(),
                                      [&](const MigrationStatusRow &r) { return r.version == version; });
        const bool recorded = row != current.rows.end() && row->recorded;
        // First what it changes: the recorded statements against the file.
        if (recorded && file) {
            QHash<QString, QStringList> statements;
            MigrationHistory::readStatements(connection, {version}, &statements);
            const QString text = describeStatementDiff(diffStatements(statements.value(version), splitLikeSupabaseCli(file->up.sql)));
            document.insert("diff", text);
            if (!parser.isSet(json))
                o.out() << (text.isEmpty() ? QStringLiteral("%1: the file's statements are the ones recorded\n").arg(file->up.fileName)
                                           : QStringLiteral("%1 differs from what was recorded:\n%2\n").arg(file->up.fileName, text));
        }
        // Then, for "applied", whether the database has what the file makes.
        bool checksFail = false;
        if (markApplied) {
            reports.append(runner.verify(*file));
            checksFail = !reports.last().ok;
        }
        const QString what = QStringLiteral("mark %1 %2 without running it").arg(file ? file->displayName() : version, status);
        if (!markApplied && !recorded) {
            RunReport nothing;
            nothing.version = version;
            nothing.direction = QStringLiteral("repair");
            nothing.ok = nothing.skipped = true;
            nothing.message = QStringLiteral("%1 is not recorded as applied; nothing to mark reverted").arg(version);
            reports.append(nothing);
        } else if (checksFail && !parser.isSet(force)) {
            o.err() << "atlas-console: not repaired: the verify checks of " << version
                    << " fail on this database; fix the database, or pass --force to " << what << Qt::endl;
        } else if (!parser.isSet(yes)) {
            o.err() << "atlas-console: not repaired: pass --yes to " << what << " (nothing was changed)" << Qt::endl;
            code = Usage;
        } else {
            reports.append(runner.repair(version, file, markApplied ? RepairStatus::Applied : RepairStatus::Reverted,
                                         parser.value(reason)));
        }
        if (code == Ok)
            code = exitCodeFor(reports);
    } else {
        code = failEarly(Usage, QStringLiteral("unknown command \"%1\"").arg(verb));
    }
    stopCanceller();

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const RunReport &report : reports)
            array.append(ReportJson::fromReport(report));
        if (verb != QLatin1String("status"))
            document.insert("results", array);
        document.insert("ok", code == Ok);
        o.out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        for (const RunReport &report : reports)
            printReport(o, report, catalog.find(report.version), sizes);
    }
    // Done: say goodbye to the server and end the process without taking apart, one destructor at
    // a time, what it read (for a folder of a thousand migrations that takes longer than printing
    // them); the kernel takes the memory back at once. Every thread has been joined.
    o.out().flush();
    o.err().flush();
    std::fflush(nullptr);
    connection.close();
    std::_Exit(code);
}

}  // namespace CommandLine
