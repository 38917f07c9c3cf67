#include "app/cli/SchemaDiffVerb.h"

#include "app/cli/CliOptions.h"
#include "app/cli/CliOutput.h"
#include "app/cli/ExitCode.h"
#include "app/cli/SignalCanceller.h"
#include "core/catalog/NewMigration.h"
#include "core/connection/ProfileStore.h"
#include "core/lint/LintFormats.h"
#include "core/schema/SchemaCompare.h"
#include "core/text/Counted.h"
#include "db/schema/SchemaSourceReader.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

#include <algorithm>
#include <future>

namespace {

// A profile's connection string, without a password: libpq finds it in PGPASSWORD or ~/.pgpass.
bool profileConninfo(const QString &name, QString *conninfo, QString *error)
{
    QSettings settings(QStringLiteral("Atlas"), QStringLiteral("atlas-console"));
    const QList<ConnectionProfile> profiles = ProfileStore::load(settings);
    QStringList names;
    for (const ConnectionProfile &profile : profiles) {
        if (profile.name == name) {
            *conninfo = profile.conninfo();
            return true;
        }
        names.append(profile.name);
    }
    *error = names.isEmpty() ? QStringLiteral("no profile \"%1\": the console has no saved profiles (%2)").arg(name, settings.fileName())
                             : QStringLiteral("no profile \"%1\"; saved profiles: %2").arg(name, names.join(QStringLiteral(", ")));
    return false;
}

QJsonArray statementsJson(const GeneratedMigration &migration)
{
    QJsonArray statements;
    for (const GeneratedStatement &statement : migration.statements) {
        QJsonArray findings;
        for (const LintFinding &finding : statement.findings)
            findings.append(LintFormats::findingJson(finding));
        statements.append(QJsonObject{{"sql", statement.sql}, {"object", statement.objectKey}, {"data_loss", statement.dataLoss},
                                      {"note", statement.note}, {"findings", findings}});
    }
    return statements;
}

int exitCodeFor(const SchemaRead &read)
{
    switch (read.failure) {
    case SchemaRead::Failure::BadInput:
        return ExitCode::Usage;
    case SchemaRead::Failure::Connection:
        return ExitCode::NoConnection;
    case SchemaRead::Failure::Cancelled:
        return ExitCode::Cancelled;
    default:
        return ExitCode::Failed;
    }
}

}  // namespace

int CliVerbs::schemaDiff(const CliOptions &options, CliOutput &output, const QString &folder)
{
    QString error;
    const SchemaSource from = SchemaSource::parse(options.fromSource, &error);
    if (!error.isEmpty())
        return output.fail(ExitCode::Usage, QStringLiteral("--from: ") + error);
    const SchemaSource to = SchemaSource::parse(options.to, &error);
    if (!error.isEmpty())
        return output.fail(ExitCode::Usage, QStringLiteral("--to: ") + error);
    NewMigrationPlan plan;
    // Without --dir the folder is ./supabase/migrations when there is one, else the Atlas folder
    // this program ships, which is not the user's to write into.
    if (!options.writeName.isEmpty() && !options.dirGiven
        && QFileInfo(folder) != QFileInfo(QDir::current().filePath(QStringLiteral("supabase/migrations"))))
        return output.fail(ExitCode::Usage, QStringLiteral("--write: say where with --dir (there is no supabase/migrations here)"));
    if (!options.writeName.isEmpty()) {
        plan = planNewMigration(folder, options.writeName, QDateTime::currentDateTimeUtc());
        if (!plan.ok())
            return output.fail(ExitCode::Usage, QStringLiteral("--write: ") + plan.error);
    }
    const SchemaScope scope = SchemaScope::fromOptions(options.includeSchemas, options.excludeSchemas, options.withManagedSchemas);

    // Both sides at once, each on its own connection: the reads wait on the servers, not on us.
    SchemaSourceReader readers[2] = {SchemaSourceReader(options.shadowDsn), SchemaSourceReader(options.shadowDsn)};
    const SignalCanceller canceller([&readers] {
        readers[0].cancel();
        readers[1].cancel();
    });
    const SchemaSource *sources[2] = {&from, &to};
    QString conninfos[2];
    for (int side = 0; side < 2; ++side) {
        conninfos[side] = sources[side]->value;
        if (sources[side]->kind == SchemaSource::Kind::Profile && !profileConninfo(sources[side]->value, &conninfos[side], &error))
            return output.fail(ExitCode::Usage, (side == 0 ? QStringLiteral("--from: ") : QStringLiteral("--to: ")) + error);
        if (!options.json)
            output.say(QStringLiteral("reading %1%2").arg(sources[side]->describe(),
                                                           sources[side]->kind == SchemaSource::Kind::Folder ? QStringLiteral(" (built in a shadow database)") : QString()));
    }
    std::future<SchemaRead> fromRead = std::async(std::launch::async, [&] { return readers[0].read(from, conninfos[0], scope); });
    SchemaRead reads[2];
    reads[1] = readers[1].read(to, conninfos[1], scope);
    reads[0] = fromRead.get();
    for (int side = 0; side < 2; ++side)
        if (!reads[side].ok())
            return output.fail(exitCodeFor(reads[side]), QStringLiteral("%1 %2: %3")
                                                             .arg(side == 0 ? QStringLiteral("--from") : QStringLiteral("--to"),
                                                                  sources[side]->describe(), reads[side].error));
    // A schema named that neither side has is a slip (names are case-sensitive), not "equal".
    for (const QString &schema : options.includeSchemas) {
        const auto has = [&schema](const SchemaModel &model) {
            return std::any_of(model.objects().cbegin(), model.objects().cend(),
                               [&schema](const SchemaObject &o) { return o.kind == QLatin1String("schema") && o.schema == schema; });
        };
        if (!has(reads[0].model) && !has(reads[1].model))
            return output.fail(ExitCode::Usage, QStringLiteral("--include-schema %1: neither side has a schema of that name "
                                                               "(names are case-sensitive)").arg(schema));
    }
    // Text output shows the up migration only: the down one is made when it is written or asked for.
    SchemaCompareOptions compare;
    compare.withDown = options.json || !options.writeName.isEmpty();
    compare.reorderColumns = options.reorderColumns;
    const SchemaCompareResult result = compareSchemaModels(std::move(reads[0].model), std::move(reads[1].model), compare);
    const int code = result.equal() ? int(ExitCode::Ok) : int(ExitCode::Failed);
    QString written;
    if (!plan.upPath.isEmpty() && !result.equal()) {
        if (!writeNewMigration(plan, result.upScript(), result.downScript(), &error))
            return output.fail(ExitCode::Failed, error);
        written = plan.upPath;
    }
    if (options.json) {
        QJsonArray differences;
        for (const SchemaDifference &difference : result.differences)
            differences.append(QJsonObject{{"type", schemaDifferenceTypeName(difference.type)}, {"kind", difference.kind},
                                           {"name", difference.name}, {"from", difference.from}, {"to", difference.to}});
        output.out() << QJsonDocument(QJsonObject{{"from", from.describe()}, {"to", to.describe()}, {"equal", result.equal()},
                                                  {"differences", differences}, {"sql", result.equal() ? QString() : result.upScript()},
                                                  {"down", result.equal() ? QString() : result.downScript()},
                                                  {"statements", statementsJson(result.up)}, {"down_statements", statementsJson(result.down)},
                                                  {"warnings", QJsonArray::fromStringList(result.up.warnings)},
                                                  {"written", written.isEmpty() ? QJsonValue() : QJsonValue(written)}})
                            .toJson(QJsonDocument::Indented);
        return code;
    }
    if (result.equal()) {
        output.say(QStringLiteral("%1 and %2 have the same schema").arg(from.describe(), to.describe()));
        for (const QString &warning : result.up.warnings)
            output.say(QStringLiteral("note: ") + warning);
        return code;
    }
    output.out() << result.upScript();
    int added = 0, removed = 0, changed = 0;
    for (const SchemaDifference &difference : result.differences)
        ++(difference.type == SchemaDifference::Type::Added ? added : difference.type == SchemaDifference::Type::Removed ? removed : changed);
    output.say(QStringLiteral("%1 (%2 added, %3 removed, %4 changed): %5, %6 with data loss")
                   .arg(counted(result.differences.size(), QStringLiteral("difference")))
                   .arg(added).arg(removed).arg(changed)
                   .arg(counted(result.up.statements.size(), QStringLiteral("statement")))
                   .arg(result.up.dataLossCount()));
    // Also in the script's header; said here too, since the script often goes to a file.
    for (const QString &warning : result.up.warnings)
        output.say(QStringLiteral("warning: ") + warning);
    if (!written.isEmpty())
        output.say(QStringLiteral("wrote %1 and %2").arg(plan.upPath, plan.downPath));
    return code;
}
