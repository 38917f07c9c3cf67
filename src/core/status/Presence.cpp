#include "core/status/Presence.h"

#include "core/sql/MadeAgain.h"

#include <QSet>

namespace {

bool isProperty(const DerivedCheck &check)
{
    return check.kind == DerivedCheck::Kind::RowLevelSecurityEnabled;
}

// "table public.a, index b on public.a": the objects of checks, without the trailing "exists";
// past `shown` of them, how many more.
QString objectsOf(const QList<CheckResult> &checks, int shown = 3)
{
    QStringList names;
    for (const CheckResult &check : checks) {
        if (names.size() == shown)
            return names.join(QStringLiteral(", ")) + QStringLiteral(" and %1 more").arg(checks.size() - shown);
        QString name = check.name;
        if (name.endsWith(QLatin1String(" exists")))
            name.chop(7);
        names << name;
    }
    return names.join(QStringLiteral(", "));
}

// The object a check looks for, as the script's statements name it.
CreatedObject createdObjectOf(const DerivedCheck &check)
{
    using Kind = CreatedObject::Kind;
    switch (check.kind) {
    case DerivedCheck::Kind::ColumnExists:
        return {Kind::Column, check.schema, check.table, check.object};
    case DerivedCheck::Kind::IndexExists:
        return {Kind::Index, check.schema, check.table, check.object};
    case DerivedCheck::Kind::PolicyExists:
        return {Kind::Policy, check.schema, check.table, check.object};
    case DerivedCheck::Kind::TriggerExists:
        return {Kind::Trigger, check.schema, check.table, check.object};
    case DerivedCheck::Kind::FunctionExists:
        return {Kind::Function, check.schema, QString(), check.object};
    case DerivedCheck::Kind::ViewExists:
        return {Kind::View, check.schema, check.table, check.table};
    case DerivedCheck::Kind::RowLevelSecurityEnabled:
        return {Kind::RowLevelSecurity, check.schema, check.table, QString()};
    case DerivedCheck::Kind::TableExists:
    case DerivedCheck::Kind::RowsReadable:
        break;
    }
    return {Kind::Table, check.schema, check.table, check.table};
}

}  // namespace

QHash<QString, QList<DerivedCheck>> presenceChecks(const MigrationCatalog &catalog, const QStringList &versions)
{
    QHash<QString, QList<DerivedCheck>> out;
    const QSet<QString> wanted(versions.begin(), versions.end());
    QSet<QString> madeEarlier;
    for (const MigrationFile &file : catalog.migrations) {
        if (!file.up.parsed().isValid())
            continue;
        const QList<DerivedCheck> derived = deriveChecks(file.up.parsed());
        if (wanted.contains(file.version)) {
            // The columns of a table it creates come with the table: checking each adds nothing.
            QList<const SqlStatement *> statements;
            for (const SqlStatement &statement : file.up.parsed().statements)
                statements.append(&statement);
            const MadeAgain madeAgain(statements);
            QSet<QString> tablesMade;
            for (const DerivedCheck &check : derived) {
                if (check.kind == DerivedCheck::Kind::TableExists)
                    tablesMade.insert(check.schema + QLatin1Char('.') + check.table);
            }
            QList<DerivedCheck> own;
            bool anObject = false;
            for (const DerivedCheck &check : derived) {
                if (check.kind == DerivedCheck::Kind::ColumnExists && tablesMade.contains(check.schema + QLatin1Char('.') + check.table))
                    continue;
                const bool nameless = check.object.isEmpty() && check.kind != DerivedCheck::Kind::TableExists
                    && check.kind != DerivedCheck::Kind::ViewExists && check.kind != DerivedCheck::Kind::RowLevelSecurityEnabled;
                if (check.kind == DerivedCheck::Kind::RowsReadable || nameless || madeEarlier.contains(check.name))
                    continue;  // CREATE INDEX ON t (...) names no index to look for
                if (madeAgain.object(createdObjectOf(check)))
                    continue;  // it, or the table it is on, was there before
                own.append(check);
                anObject = anObject || !isProperty(check);
            }
            if (anObject)  // RLS alone is no sign: the table may have had it before
                out.insert(file.version, own);
        }
        for (const DerivedCheck &check : derived)
            madeEarlier.insert(check.name);
    }
    return out;
}

void applyPresence(QList<MigrationStatusRow> *rows, const QHash<QString, PresenceEvidence> &evidence)
{
    for (MigrationStatusRow &row : *rows) {
        const auto it = evidence.constFind(row.version);
        if (row.recorded || it == evidence.constEnd() || it->checks.isEmpty())
            continue;
        QList<CheckResult> there, missing;
        int objectsThere = 0;
        for (const CheckResult &check : it->checks) {
            (check.passed ? there : missing).append(check);
            objectsThere += check.passed && !check.name.startsWith(QLatin1String("row level security")) ? 1 : 0;
        }
        if (missing.isEmpty()) {
            row.state = MigrationState::PresentNotRecorded;
            row.presentByVerifyScript = it->fromVerifyScript;
            row.detail = it->fromVerifyScript
                ? QStringLiteral("no history row, but its verify script passes (%1 checks): applied by hand? (Apply runs it "
                                 "again; Repair > Mark applied records it without running it)").arg(there.size())
                : QStringLiteral("no history row, but what it creates is in the database (%1): applied by hand?")
                      .arg(there.size() == 1 ? objectsOf(there) : QStringLiteral("all %1: %2").arg(there.size()).arg(objectsOf(there)));
        } else if (!it->fromVerifyScript && objectsThere > 0) {
            row.state = MigrationState::PartlyPresent;
            row.detail = QStringLiteral("no history row; part of what it creates is in the database (%1 of %2: %3), the rest is "
                                        "not (%4)")
                             .arg(there.size())
                             .arg(it->checks.size())
                             .arg(objectsOf(there), objectsOf(missing, 6));
        }
    }
}

QList<MigrationStatusRow> presentUnrecorded(const QList<MigrationStatusRow> &rows, const QString &toVersion, bool includeOutOfOrder)
{
    QList<MigrationStatusRow> found;
    const QString newestRecorded = newestRecordedVersion(rows);
    for (const MigrationStatusRow &row : rows) {
        if (!toVersion.isEmpty() && versionLess(toVersion, row.version))
            break;
        const bool present = row.state == MigrationState::PresentNotRecorded || row.state == MigrationState::PartlyPresent;
        const bool older = !newestRecorded.isEmpty() && versionLess(row.version, newestRecorded);
        if (present && !row.presentByVerifyScript && row.hasFile && (!older || includeOutOfOrder))
            found.append(row);
    }
    return found;
}

QString presentRefusal(const MigrationStatusRow &row, const QString &displayName)
{
    const QString wayOut = row.state == MigrationState::PartlyPresent
        ? QStringLiteral("Finish it by hand and record it as applied (`repair %1 --status applied`, or Record as applied… in "
                         "the console), or remove what exists and apply it")
        : QStringLiteral("Record it as applied instead: `repair %1 --status applied --reason TEXT`, or Record as applied… "
                         "in the console");
    const QString why = row.detail.endsWith(QLatin1Char('?')) ? row.detail : row.detail + QLatin1Char('.');
    return QStringLiteral("%1 has %2 Nothing was applied: running it would fail on what exists, or make it twice. %3")
        .arg(displayName, why, wayOut.arg(row.version));
}
