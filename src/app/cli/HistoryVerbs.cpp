// status, diff and repair: the verbs about what the history says.
#include "app/cli/CliVerbs.h"

#include "app/cli/ExitCode.h"
#include "app/cli/ReportJson.h"
#include "core/sql/StatementDiff.h"
#include "db/migrate/HistoryReader.h"
#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"

#include <QDir>
#include <QJsonArray>

namespace CliVerbs {

namespace {

// "file: the file's statements are the ones <applied>" or the statement diff, for people.
QString describeDrift(const MigrationFile &file, const QStringList &recorded, const QString &applied, QString *text)
{
    *text = describeStatementDiff(diffStatements(recorded, file.up.cliStatements()));
    return text->isEmpty() ? QStringLiteral("%1: the file's statements are the ones %2\n").arg(file.up.fileName(), applied)
                           : QStringLiteral("%1 differs from what was %2:\n%3\n").arg(file.up.fileName(), applied, *text);
}

}  // namespace

int status(VerbContext &c)
{
    if (c.options.json) {
        QJsonArray rows;
        for (const MigrationStatusRow &row : c.current.rows)
            rows.append(ReportJson::fromStatusRow(row));
        c.document.insert("migrations", rows);
    } else {
        c.output.out() << QStringLiteral("%1 against %2@%3:%4/%5 (%6)\n")
                              .arg(QDir(c.catalog.folder).absolutePath(), c.connection.user(), c.connection.host())
                              .arg(c.connection.port())
                              .arg(c.connection.database(), c.targetDescription);
        c.output.printStatus(c.current.rows);
    }
    return c.catalog.hasErrors() ? ExitCode::Usage : ExitCode::Ok;
}

int diff(VerbContext &c)
{
    const QString version = c.options.version;
    const MigrationFile *file = c.catalog.find(version);
    if (version.isEmpty() || !file)
        return c.failEarly(ExitCode::Usage, version.isEmpty() ? QStringLiteral("diff needs a VERSION")
                                                              : QStringLiteral("no migration with version %1 in %2").arg(version, c.catalog.folder));
    QHash<QString, QStringList> recorded;
    const PgResult read = HistoryReader::readStatements(c.connection, {version}, &recorded);
    if (!recorded.contains(version))
        return c.failEarly(ExitCode::Usage, read.ok() ? QStringLiteral("%1 is not recorded as applied (or has no statements recorded)").arg(version)
                                                      : read.error().toString());
    QString text;
    const QString said = describeDrift(*file, recorded.value(version), QStringLiteral("applied"), &text);
    if (c.options.json) {
        c.document.insert("version", version);
        c.document.insert("modified", !text.isEmpty());
        c.document.insert("diff", text);
    } else {
        c.output.out() << said;
    }
    return text.isEmpty() ? ExitCode::Ok : ExitCode::Failed;
}

int repair(VerbContext &c)
{
    const QString version = c.options.version;
    const QString status = c.options.repairStatus;
    const bool markApplied = status == QLatin1String("applied");
    const MigrationFile *file = c.catalog.find(version);
    if (version.isEmpty() || (!markApplied && status != QLatin1String("reverted")))
        return c.failEarly(ExitCode::Usage, QStringLiteral("repair needs a VERSION and --status applied or --status reverted"));
    if (markApplied && !file)
        return c.failEarly(ExitCode::Usage, QStringLiteral("no migration file with version %1 in %2: only --status reverted can repair it")
                                                .arg(version, c.catalog.folder));
    if (c.options.reason.trimmed().isEmpty())
        return c.failEarly(ExitCode::Usage, QStringLiteral("repair needs --reason TEXT: it goes into the audit table with your name"));
    const auto row = std::find_if(c.current.rows.begin(), c.current.rows.end(),
                                  [&](const MigrationStatusRow &r) { return r.version == version; });
    const bool recorded = row != c.current.rows.end() && row->recorded;
    // First what it changes: the recorded statements against the file.
    if (recorded && file) {
        QHash<QString, QStringList> statements;
        HistoryReader::readStatements(c.connection, {version}, &statements);
        QString text;
        const QString said = describeDrift(*file, statements.value(version), QStringLiteral("recorded"), &text);
        c.document.insert("diff", text);
        if (!c.options.json)
            c.output.out() << said;
    }
    // Then, for "applied", whether the database has what the file makes.
    bool checksFail = false;
    if (markApplied) {
        c.reports.append(c.runner.verify(*file));
        checksFail = !c.reports.last().ok;
    }
    const QString what = QStringLiteral("mark %1 %2 without running it").arg(file ? file->displayName() : version, status);
    if (!markApplied && !recorded) {
        RunReport nothing;
        nothing.version = version;
        nothing.direction = RunDirection::Repair;
        nothing.ok = nothing.skipped = true;
        nothing.message = QStringLiteral("%1 is not recorded as applied; nothing to mark reverted").arg(version);
        c.reports.append(nothing);
    } else if (checksFail && !c.options.force) {
        c.output.say(QStringLiteral("not repaired: the verify checks of %1 fail on this database; fix the database, or pass "
                                    "--force to %2").arg(version, what));
    } else if (!c.options.yes) {
        c.output.say(QStringLiteral("not repaired: pass --yes to %1 (nothing was changed)").arg(what));
        return ExitCode::Usage;
    } else {
        c.reports.append(c.runner.repair(version, file, markApplied ? RepairStatus::Applied : RepairStatus::Reverted, c.options.reason));
    }
    return exitCodeFor(c.reports);
}

}  // namespace CliVerbs
