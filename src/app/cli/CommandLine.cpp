#include "app/cli/CommandLine.h"

#include "app/cli/CliOptions.h"
#include "app/cli/CliOutput.h"
#include "app/cli/CliVerbs.h"
#include "app/cli/ExitCode.h"
#include "app/cli/ExportVerb.h"
#include "app/cli/AdviseVerb.h"
#include "app/cli/LintVerb.h"
#include "app/cli/ReportJson.h"
#include "app/cli/SchemaDiffVerb.h"
#include "app/cli/SignalCanceller.h"
#include "core/connection/ConnectionProblem.h"
#include "core/connection/ConnectionTarget.h"
#include "core/connection/Redaction.h"
#include "core/lint/LintFormats.h"
#include "core/lint/Linter.h"
#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <future>
#include <memory>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

// What one run holds from start to end (CommandLine::run).
struct CommandLine::Run {
    CliOptions options;
    std::unique_ptr<CliOutput> output;
    QString folder;
    PgConnection connection;
    ConnectionTarget target;
    std::unique_ptr<MigrationRunner> runner;
    MigrationCatalog catalog;
    StatusReport current;
    QJsonObject document;
    std::unique_ptr<VerbContext> context;
};

namespace {

// Reads the folder, and checksums each file (what the status compares with the audit), on a
// second thread while the first connects and reads the history: for a folder of a thousand
// migrations the two take about as long.
std::future<MigrationCatalog> scanInBackground(const QString &folder)
{
    return std::async(std::launch::async, [folder] {
        // Behind the handshake and the history read, which wait on the server: on a machine with
        // few cores the scan takes what they leave (Linux: a thread's own nice value).
        [[maybe_unused]] const int niced = ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
        MigrationCatalog scanned = scanMigrationFolder(folder);
        for (const MigrationFile &migration : scanned.migrations)
            migration.up.sha256();
        return scanned;
    });
}

}  // namespace

CommandLine::CommandLine(QStringList arguments, QString program, Streams streams)
    : m_arguments(std::move(arguments))
    , m_program(std::move(program))
    , m_streams(streams)
{
}

CommandLine::~CommandLine() = default;

bool CommandLine::handles(const QStringList &arguments)
{
    return arguments.size() > 1 && CliOptions::verbs().contains(arguments.at(1));
}

int CommandLine::run()
{
    m_run = std::make_unique<Run>();
    Run &run = *m_run;
    CliOptions::Outcome outcome = CliOptions::Outcome::Run;
    QString said;
    run.options = CliOptions::parse(m_arguments, m_program, &outcome, &said);
    const bool colour = !run.options.json && !run.options.noColour && qEnvironmentVariableIsEmpty("NO_COLOR")
        && m_streams.outIsTerminal && qEnvironmentVariable("TERM") != QLatin1String("dumb");
    run.output = std::make_unique<CliOutput>(m_streams.out, m_streams.err, colour, run.options.json, m_program);
    switch (outcome) {
    case CliOptions::Outcome::Help:
    case CliOptions::Outcome::Version:
        m_streams.out << said << Qt::endl;
        return ExitCode::Ok;
    case CliOptions::Outcome::UsageError:
        return run.output->fail(ExitCode::Usage, said);
    case CliOptions::Outcome::Run:
        break;
    }
    const int code = runVerb(run);
    m_streams.out.flush();
    m_streams.err.flush();
    run.connection.close();  // say goodbye to the server before the process goes
    return code;
}

int CommandLine::runVerb(Run &run)
{
    const CliOptions &options = run.options;
    CliOutput &output = *run.output;
    run.folder = options.dirGiven ? options.dir
                                  : defaultMigrationFolder(QDir::currentPath(),
                                                           shippedMigrationFolder(QStringLiteral(ATLAS_DEFAULT_MIGRATIONS_DIR),
                                                                                  QCoreApplication::applicationDirPath()));
    if (options.verb == QLatin1String("lint") && (options.listRules || !options.files.isEmpty() || QFileInfo(run.folder).isDir()))
        return CliVerbs::lint(options, output, run.folder);  // no database
    if (options.verb == QLatin1String("schema-diff"))
        return CliVerbs::schemaDiff(options, output, run.folder);  // its own connections
    // The advisors and export read the database only.
    const bool needsFolder = options.verb != QLatin1String("advise") && options.verb != QLatin1String("export");
    if (needsFolder && !QFileInfo(run.folder).isDir()) {
        const MigrationCatalog missing = scanMigrationFolder(run.folder);
        if (options.json)
            return output.fail(ExitCode::Usage, missing.errors().value(0).toString());
        output.printIssues(missing);
        return ExitCode::Usage;
    }
    std::future<MigrationCatalog> scanning = needsFolder ? scanInBackground(run.folder) : std::future<MigrationCatalog>();
    const QString failure = run.connection.open(options.dsn, QStringLiteral("atlas-console-cli"));
    if (!failure.isEmpty()) {
        const MigrationCatalog catalog = needsFolder ? scanning.get() : MigrationCatalog();
        if (!options.json)
            output.printIssues(catalog);
        const ConnectionProblem problem = classifyConnectionProblem(failure);
        // A connection string libpq cannot read is bad input: nothing was tried.
        const int code = problem.kind == ConnectionProblemKind::BadConnectionString ? ExitCode::Usage : ExitCode::NoConnection;
        output.fail(code, QStringLiteral("cannot connect: %1 (%2)").arg(problem.summary, connectionProblemKindName(problem.kind)));
        if (!problem.advice.isEmpty())
            output.err() << problem.advice << '\n';
        output.err() << "libpq: " << redactConnectionString(problem.raw) << Qt::endl;
        return code;
    }
    run.target = classifyTarget(run.connection.host(), run.connection.port(), run.connection.user());
    if (!needsFolder)
        return options.verb == QLatin1String("export") ? CliVerbs::exportRows(options, output, run.connection)
                                                        : CliVerbs::advise(options, output, run.connection);

    RunnerOptions runnerOptions;
    runnerOptions.lockWaitMs = int(options.lockWaitSeconds * 1000);
    runnerOptions.lockRetries = options.lockRetries;
    runnerOptions.lockTimeout = options.lockTimeout;
    runnerOptions.statementTimeout = options.statementTimeout;
    runnerOptions.transactionPooled = options.pooled || run.target.isTransactionPooler();
    run.runner = std::make_unique<MigrationRunner>(run.connection, runnerOptions);
    MigrationRunner &runner = *run.runner;
    if (!options.json) {
        runner.setNoticeHandler([&output](const QString &notice) { output.err() << notice << Qt::endl; });
        if (m_streams.errIsTerminal)
            runner.setProgressHandler([&output](int index, int count, const QString &statement) {
                output.err() << QStringLiteral("\r\x1b[K[%1/%2] %3").arg(index + 1).arg(count).arg(statement.simplified().left(70))
                             << (index + 1 == count ? "\n" : "") << Qt::flush;
            });
    }
    // Ctrl-C cancels the running statement through libpq's cancel request.
    const SignalCanceller canceller([&runner] { runner.cancel(); });

    // Apply reads the history itself, under the lock; reading it here too would only cost time.
    const bool statusNeeded = options.verb != QLatin1String("apply") || options.resume;
    HistorySnapshot history = statusNeeded ? runner.readHistory() : HistorySnapshot();
    run.catalog = scanning.get();
    const MigrationCatalog &catalog = run.catalog;
    if (!options.json)
        output.printIssues(catalog);
    const bool writes = options.verb == QLatin1String("apply") || options.verb == QLatin1String("rollback");
    if (catalog.hasErrors() && options.verb != QLatin1String("status"))
        return output.fail(ExitCode::Usage, QStringLiteral("%1the migrations folder %2 has errors%3")
                                                .arg(writes ? QStringLiteral("nothing was changed: ") : QString(), run.folder,
                                                     options.json ? QString() : QStringLiteral(" (above)")));
    if (statusNeeded)
        run.current = runner.status(catalog, std::move(history));
    const StatusReport &current = run.current;
    if (!current.ok())
        return output.fail(ExitCode::Failed, QStringLiteral("could not read the migration history: %1").arg(current.error.toString()));

    QJsonObject &document = run.document;
    document = QJsonObject{{"folder", QDir(run.folder).absolutePath()},
                         {"target", QJsonObject{{"host", run.connection.host()}, {"port", run.connection.port()},
                                                {"database", run.connection.database()}, {"user", run.connection.user()},
                                                {"kind", targetKindName(run.target.kind)}}},
                         {"issues", ReportJson::fromIssues(catalog.issues)}};
    run.context.reset(new VerbContext{options, output, run.connection, runner, options.dsn, run.target.describe(), catalog,
                                      current, document, {}, {}, false});
    VerbContext &context = *run.context;
    using Verb = int (*)(VerbContext &);
    static const QHash<QString, Verb> verbs{{QStringLiteral("status"), CliVerbs::status}, {QStringLiteral("plan"), CliVerbs::plan},
                                            {QStringLiteral("apply"), CliVerbs::apply},   {QStringLiteral("rollback"), CliVerbs::rollback},
                                            {QStringLiteral("verify"), CliVerbs::verify}, {QStringLiteral("diff"), CliVerbs::diff},
                                            {QStringLiteral("repair"), CliVerbs::repair}};
    const int code = verbs.value(options.verb)(context);
    if (context.failedEarly)
        return code;
    if (options.json) {
        QJsonArray results;
        for (const RunReport &report : context.reports) {
            QJsonObject result = ReportJson::fromReport(report);
            const MigrationFile *file = report.dryRun ? catalog.find(report.version) : nullptr;
            if (file) {
                // The rules' findings for every statement of the file, also after one that failed.
                const MigrationScript &script = report.direction == RunDirection::Down ? file->down : file->up;
                QJsonArray findings;
                for (const LintFinding &finding : lintMigrationScript(script, context.sizes).findings)
                    findings.append(LintFormats::findingJson(finding));
                result.insert("findings", findings);
            }
            results.append(result);
        }
        if (options.verb != QLatin1String("status"))
            document.insert("results", results);
        document.insert("ok", code == ExitCode::Ok);
        output.out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        for (const RunReport &report : context.reports)
            output.printReport(report, catalog.find(report.version), context.sizes);
    }
    return code;
}
