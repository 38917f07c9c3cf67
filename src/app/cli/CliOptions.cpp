#include "app/cli/CliOptions.h"

#include "core/connection/Redaction.h"

#include <QCommandLineParser>

const QStringList &CliOptions::verbs()
{
    static const QStringList kVerbs = {QStringLiteral("status"), QStringLiteral("plan"), QStringLiteral("apply"),
                                       QStringLiteral("rollback"), QStringLiteral("verify"), QStringLiteral("diff"),
                                       QStringLiteral("repair"), QStringLiteral("lint"),
                                       QStringLiteral("advise"), QStringLiteral("export"), QStringLiteral("schema-diff")};
    return kVerbs;
}

CliOptions CliOptions::parse(const QStringList &arguments, const QString &program, Outcome *outcome, QString *message)
{
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
        "                    mark it applied or reverted without running it, after its diff and checks\n"
        "  lint [FILE...]    check migrations against the rule catalogue, with no database (docs/lint.md)\n"
        "  advise            Supabase's database advisors, live: exit 1 when an error-level finding exists\n"
        "  export SCHEMA.TABLE [--where CONDITION] --csv FILE | --jsonl FILE [--no-sync]\n"
        "                    the table's rows through COPY, streamed\n"
        "  schema-diff --from SOURCE --to SOURCE [--write NAME]\n"
        "                    how two schemas differ, and the migration from FROM to TO; SOURCE is a\n"
        "                    connection string, profile:NAME or folder:PATH (built in a shadow database).\n"
        "                    Exit 0 equal, 1 different"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Displays help on commandline options."));
    const QCommandLineOption showVersion({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Displays version information."));
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("status, plan, apply, rollback, verify, diff, repair, lint, advise, export or schema-diff"));
    const QCommandLineOption dsn(QStringLiteral("dsn"), QStringLiteral("Connection URI or key=value string (default: DATABASE_URL, then PG* variables)."), QStringLiteral("conninfo"));
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("Migrations folder (default: ./supabase/migrations if present, else the project's migrations/)."), QStringLiteral("folder"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON for machines."));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("apply/plan: stop after this version."), QStringLiteral("version"));
    const QCommandLineOption down(QStringLiteral("down"), QStringLiteral("plan: preview the rollback of VERSION instead."));
    const QCommandLineOption outOfOrder(QStringLiteral("include-out-of-order"), QStringLiteral("apply: also apply pending migrations older than the newest applied one."));
    const QCommandLineOption lockWait(QStringLiteral("lock-wait"), QStringLiteral("Seconds to wait for another session's migration lock (default 30)."), QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption lockTimeout(QStringLiteral("lock-timeout"), QStringLiteral("lock_timeout for the migration's statements (default 4s)."), QStringLiteral("duration"), QStringLiteral("4s"));
    const QCommandLineOption statementTimeout(QStringLiteral("statement-timeout"), QStringLiteral("statement_timeout for the migration's statements (default 15min; 0 is none)."), QStringLiteral("duration"), QStringLiteral("15min"));
    const QCommandLineOption lockRetries(QStringLiteral("lock-retries"), QStringLiteral("apply/rollback: tries after the first when a statement runs out of lock_timeout (default 3; 0: none)."), QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption pooled(QStringLiteral("pooled"), QStringLiteral("The connection goes through a transaction pooler (detected for Supabase port 6543)."));
    const QCommandLineOption noColour(QStringLiteral("no-color"), QStringLiteral("No colours (also when NO_COLOR is set or output is not a terminal)."));
    const QCommandLineOption repairStatus(QStringLiteral("status"), QStringLiteral("repair: applied or reverted."), QStringLiteral("status"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("repair: why, for the audit table."), QStringLiteral("text"));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("repair: do it (without it, repair only shows what it would do)."));
    const QCommandLineOption resume(QStringLiteral("resume"), QStringLiteral("apply: run a migration that failed part way outside a transaction on from its failed statement."));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("repair --status applied: even though the verify checks fail."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("lint: text, json, github or sarif (--rules: text or markdown)."), QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption strict(QStringLiteral("strict"), QStringLiteral("lint: warnings fail too (exit 1)."));
    const QCommandLineOption rule(QStringLiteral("rule"), QStringLiteral("lint: a rule's severity, NAME=off|info|warning|error (repeatable)."), QStringLiteral("setting"));
    const QCommandLineOption where(QStringLiteral("where"), QStringLiteral("export: only the rows where this condition holds."), QStringLiteral("condition"));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("export: write CSV with a header to this file."), QStringLiteral("file"));
    const QCommandLineOption jsonl(QStringLiteral("jsonl"), QStringLiteral("export: write one JSON object a line to this file."), QStringLiteral("file"));
    const QCommandLineOption noSync(QStringLiteral("no-sync"), QStringLiteral("export: do not wait for the file to reach the disk before it replaces the target (as pg_dump --no-sync)."));
    const QCommandLineOption fromSource(QStringLiteral("from"), QStringLiteral("schema-diff: the schema to start from (connection string, profile:NAME or folder:PATH)."), QStringLiteral("source"));
    const QCommandLineOption writeName(QStringLiteral("write"), QStringLiteral("schema-diff: write <timestamp>_NAME.sql and its down file into --dir."), QStringLiteral("name"));
    const QCommandLineOption includeSchema(QStringLiteral("include-schema"), QStringLiteral("schema-diff: compare only this schema (repeatable; Supabase's own are then compared too when named)."), QStringLiteral("schema"));
    const QCommandLineOption excludeSchema(QStringLiteral("exclude-schema"), QStringLiteral("schema-diff: leave this schema out (repeatable; Supabase's own are left out by default)."), QStringLiteral("schema"));
    const QCommandLineOption shadowDsn(QStringLiteral("shadow-dsn"), QStringLiteral("schema-diff: the server where folder:PATH is built (default: ATLAS_SHADOW_DSN, then the PG* variables)."), QStringLiteral("conninfo"));
    const QCommandLineOption managedSchemas(QStringLiteral("supabase-schemas"), QStringLiteral("schema-diff: compare Supabase's own schemas too (auth, storage, realtime, ...; left out by default)."));
    const QCommandLineOption reorderColumns(QStringLiteral("reorder-columns"), QStringLiteral("schema-diff: recreate, with its rows, a table whose columns would end in another order than the target's (else a warning)."));
    const QCommandLineOption rules(QStringLiteral("rules"), QStringLiteral("lint: print the rule catalogue."));
    parser.addOptions({help, showVersion, dsn, dir, json, to, down, outOfOrder, lockWait, lockTimeout, statementTimeout,
                       lockRetries, pooled, noColour, repairStatus, reason, yes, force, resume, format, strict, rule, rules, where, csv, jsonl,
                       noSync, fromSource, writeName, includeSchema, excludeSchema, shadowDsn, managedSchemas, reorderColumns});

    CliOptions options;
    *outcome = Outcome::Run;
    if (!parser.parse(arguments)) {
        *outcome = Outcome::UsageError;
        *message = parser.errorText();
        return options;
    }
    // One value each, except the repeatable ones: a second --from or --dsn is a slip that taking
    // the last would hide (and, with --dsn, could point at another database).
    for (const QCommandLineOption *single : {&dsn, &dir, &to, &lockWait, &lockTimeout, &statementTimeout, &lockRetries, &repairStatus,
                                             &reason, &format, &where, &csv, &jsonl, &fromSource, &writeName, &shadowDsn}) {
        const QStringList given = parser.values(*single);
        if (given.size() > 1) {
            *outcome = Outcome::UsageError;
            // Repeated back with any password masked (--dsn, --from, --to may carry one).
            QStringList shown;
            for (const QString &value : given)
                shown << redactConnectionString(value);
            *message = QStringLiteral("--%1 is given %2 times (%3): say it once")
                           .arg(single->names().constFirst())
                           .arg(given.size())
                           .arg(shown.join(QStringLiteral(", ")));
            return options;
        }
    }
    if (parser.isSet(help)) {
        *outcome = Outcome::Help;
        *message = parser.helpText().replace(QLatin1String("Usage: ") + arguments.value(0), QLatin1String("Usage: ") + program);
        return options;
    }
    if (parser.isSet(showVersion)) {
        *outcome = Outcome::Version;
        *message = QStringLiteral("%1 %2").arg(program, QStringLiteral(ATLAS_VERSION));
        return options;
    }
    const QStringList positional = parser.positionalArguments();
    options.verb = positional.value(0);
    options.version = positional.value(1);
    options.dsnGiven = parser.isSet(dsn);
    options.dsn = options.dsnGiven ? parser.value(dsn) : qEnvironmentVariable("DATABASE_URL");
    options.dirGiven = parser.isSet(dir);
    options.dir = parser.value(dir);
    options.json = parser.isSet(json);
    options.to = parser.value(to);
    options.down = parser.isSet(down);
    options.includeOutOfOrder = parser.isSet(outOfOrder);
    options.lockTimeout = parser.value(lockTimeout);
    options.statementTimeout = parser.value(statementTimeout);
    options.pooled = parser.isSet(pooled);
    options.noColour = parser.isSet(noColour);
    options.repairStatus = parser.value(repairStatus);
    options.reason = parser.value(reason);
    options.yes = parser.isSet(yes);
    options.force = parser.isSet(force);
    options.resume = parser.isSet(resume);
    options.format = options.json ? QStringLiteral("json") : parser.value(format);
    options.json = options.format == QLatin1String("json");
    options.strict = parser.isSet(strict);
    options.ruleSettings = parser.values(rule);
    options.listRules = parser.isSet(rules);
    options.where = parser.value(where);
    options.csvFile = parser.value(csv);
    options.jsonlFile = parser.value(jsonl);
    options.noSync = parser.isSet(noSync);
    options.fromSource = parser.value(fromSource);
    options.writeName = parser.value(writeName);
    options.includeSchemas = parser.values(includeSchema);
    options.excludeSchemas = parser.values(excludeSchema);
    options.withManagedSchemas = parser.isSet(managedSchemas);
    options.reorderColumns = parser.isSet(reorderColumns);
    options.shadowDsn = parser.isSet(shadowDsn) ? parser.value(shadowDsn) : qEnvironmentVariable("ATLAS_SHADOW_DSN");

    const auto refuse = [&](const QString &why) {
        *outcome = Outcome::UsageError;
        *message = why;
        return options;
    };
    if (!verbs().contains(options.verb))
        return refuse(QStringLiteral("unknown command \"%1\"").arg(options.verb));
    if (options.verb == QLatin1String("lint")) {
        options.files = positional.mid(1);
        static const QStringList formats = {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("github"), QStringLiteral("sarif")};
        if (!(formats.contains(options.format) || (options.listRules && options.format == QLatin1String("markdown"))))
            return refuse(QStringLiteral("--format takes text, json, github or sarif%1, not \"%2\"")
                              .arg(options.listRules ? QStringLiteral(" (or markdown with --rules)") : QString(), options.format));
        return options;
    }
    if (options.verb == QLatin1String("export")) {
        if (positional.size() != 2)
            return refuse(QStringLiteral("export takes one SCHEMA.TABLE"));
        if (options.csvFile.isEmpty() == options.jsonlFile.isEmpty())
            return refuse(QStringLiteral("export writes to one file: --csv FILE or --jsonl FILE"));
        return options;
    }
    if (options.verb == QLatin1String("schema-diff")) {
        if (positional.size() > 1)
            return refuse(QStringLiteral("schema-diff takes no positional argument (use --from SOURCE --to SOURCE)"));
        if (!parser.isSet(fromSource) || !parser.isSet(to))
            return refuse(QStringLiteral("schema-diff needs --from SOURCE and --to SOURCE"));
        return options;
    }
    const bool takesNoVersion = options.verb == QLatin1String("status") || options.verb == QLatin1String("apply")
        || options.verb == QLatin1String("advise");
    if (positional.size() > 2 || (!options.version.isEmpty() && takesNoVersion))
        return refuse(QStringLiteral("%1 takes no version argument%2")
                          .arg(options.verb, options.verb == QLatin1String("apply") ? QStringLiteral(" (use --to VERSION)") : QString()));
    bool retriesOk = false;
    options.lockRetries = parser.value(lockRetries).toInt(&retriesOk);
    if (!retriesOk || options.lockRetries < 0 || options.lockRetries > 20)
        return refuse(QStringLiteral("--lock-retries takes a whole number from 0 to 20, not \"%1\"").arg(parser.value(lockRetries)));
    bool lockWaitOk = false;
    options.lockWaitSeconds = parser.value(lockWait).toDouble(&lockWaitOk);
    if (!lockWaitOk || options.lockWaitSeconds < 0)
        return refuse(QStringLiteral("--lock-wait takes a number of seconds, not \"%1\"").arg(parser.value(lockWait)));
    return options;
}
