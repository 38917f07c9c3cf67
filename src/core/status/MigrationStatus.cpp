#include "core/status/MigrationStatus.h"

#include "core/sql/SupabaseSplitter.h"

#include <QCryptographicHash>
#include <QMap>

#include <algorithm>

namespace {

// Says how the recorded statements differ from the file's, or nothing when they agree.
QString statementDrift(const QStringList &recorded, const QStringList &file)
{
    if (recorded == file)
        return QString();
    const qsizetype common = std::min(recorded.size(), file.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (recorded.at(i) != file.at(i))
            return QStringLiteral("file changed since it was applied: statement %1 differs").arg(i + 1);
    }
    return QStringLiteral("file changed since it was applied: it has %1 statements, %2 were applied")
        .arg(file.size())
        .arg(recorded.size());
}

// A row for a file, before anything is known of its state.
MigrationStatusRow rowOfFile(const MigrationFile &file)
{
    MigrationStatusRow row;
    row.version = file.version;
    row.name = file.name;
    row.hasFile = true;
    row.hasDown = file.down.exists();
    row.hasVerify = file.verify.exists();
    return row;
}

// The folder's skipped files, after its migrations.
void appendSkipped(const MigrationCatalog &catalog, QList<MigrationStatusRow> *rows)
{
    for (const SkippedFile &file : catalog.skipped) {
        MigrationStatusRow row;
        row.name = file.fileName;
        row.state = MigrationState::Skipped;
        row.detail = file.reason;
        rows->append(row);
    }
}

}  // namespace

QList<MigrationStatusRow> statusUnknown(const MigrationCatalog &catalog, const QString &why)
{
    QList<MigrationStatusRow> rows;
    rows.reserve(catalog.migrations.size());
    for (const MigrationFile &file : catalog.migrations) {
        MigrationStatusRow row = rowOfFile(file);
        row.state = MigrationState::Unknown;
        row.detail = QStringLiteral("state unknown: %1").arg(why);
        rows.append(row);
    }
    appendSkipped(catalog, &rows);
    return rows;
}

QByteArray statementsDigest(const QStringList &statements)
{
    return QCryptographicHash::hash(statements.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Md5).toHex();
}

QList<MigrationStatusRow> computeStatus(const MigrationCatalog &catalog, const QList<HistoryEntry> &history,
                                        const QHash<QString, VersionAudit> &audit)
{
    QHash<QString, const HistoryEntry *> applied;
    QString newestApplied;
    for (const HistoryEntry &entry : history) {
        applied.insert(entry.version, &entry);
        if (newestApplied.isEmpty() || versionLess(newestApplied, entry.version))
            newestApplied = entry.version;
    }

    static const VersionAudit kNoAudit;
    const auto factsOf = [&audit](const QString &version) -> const VersionAudit & {
        const auto it = audit.constFind(version);
        return it == audit.constEnd() ? kNoAudit : it.value();
    };
    QList<MigrationStatusRow> rows;
    rows.reserve(catalog.migrations.size() + history.size());
    for (const MigrationFile &file : catalog.migrations) {
        MigrationStatusRow row = rowOfFile(file);
        const VersionAudit &facts = factsOf(file.version);
        const HistoryEntry *entry = applied.value(file.version);
        row.recorded = entry != nullptr;
        if (facts.lastApply && entry) {
            row.appliedAt = facts.lastApply->finishedAt;
            row.appliedBy = facts.lastApply->actor;
        }
        const bool lastFailed = facts.lastAttempt && !facts.lastAttempt->succeeded();
        const QString failure = lastFailed ? QStringLiteral("last %1 %2: %3")
                                                 .arg(facts.lastAttempt->direction == RunDirection::Down
                                                          ? QStringLiteral("rollback")
                                                          : QStringLiteral("apply"),
                                                      outcomeName(facts.lastAttempt->outcome), facts.lastAttempt->error)
                                           : QString();

        if (entry) {
            QString drift;
            if (entry->statements)
                drift = statementDrift(*entry->statements, file.up.cliStatements());
            else if (entry->writtenByLastApply && facts.lastApply) {
                // Same text as then, or at least the same statements (a comment moved, say).
                if (file.up.sha256() != facts.lastApply->checksum
                    && file.up.cliStatementsDigest() != facts.lastApply->statementsDigest)
                    drift = QStringLiteral("file changed since it was applied: its statements differ from the recorded ones");
            } else if (!entry->digest.isEmpty()) {
                if (entry->digest != file.up.cliStatementsDigest())
                    drift = QStringLiteral("file changed since it was applied: its statements differ from the recorded ones");
            } else if (facts.lastApply && !facts.lastApply->checksum.isEmpty() && facts.lastApply->checksum != file.up.sha256())
                drift = QStringLiteral("file changed since it was applied: its checksum differs");
            if (!drift.isEmpty()) {
                row.state = MigrationState::Modified;
                row.detail = drift;
            } else if (lastFailed && facts.lastAttempt->direction == RunDirection::Down) {
                // A failed rollback leaves the migration applied; a failed apply that another tool
                // later recorded does not count against it.
                row.state = MigrationState::Failed;
                row.detail = failure;
            } else {
                row.state = MigrationState::Applied;
                if (!facts.lastApply)
                    row.detail = QStringLiteral("recorded by the Supabase CLI or another tool");
            }
        } else if (lastFailed && facts.lastAttempt->direction == RunDirection::Up) {
            row.state = MigrationState::Failed;
            row.detail = failure;
            if (facts.lastAttempt->failedStatement > 0 && file.up.runsStatementByStatement()) {
                row.resumeFrom = facts.lastAttempt->failedStatement;
                // The error's own "Not atomic: ..." line says again what this sentence says.
                const QString error = facts.lastAttempt->error.section(QStringLiteral("\nNot atomic"), 0, 0);
                const bool failedThere = facts.lastAttempt->outcome == AttemptOutcome::Failed
                    && !error.startsWith(QLatin1String("interrupted"));
                row.detail = QStringLiteral("failed part way, outside a transaction: %1 ran and stay%2; %3: %4. "
                                            "Resume from statement %5, or run the down file.")
                                 .arg(statementRange(row.resumeFrom), row.resumeFrom == 1 ? QStringLiteral("s") : QString(),
                                      failedThere ? QStringLiteral("statement %1 failed").arg(row.resumeFrom + 1)
                                                  : QStringLiteral("it stopped before statement %1").arg(row.resumeFrom + 1),
                                      error)
                                 .arg(row.resumeFrom + 1);
            }
            if (!newestApplied.isEmpty() && versionLess(file.version, newestApplied))
                row.detail += QStringLiteral(" (and it is older than the newest applied migration %1)").arg(newestApplied);
        } else if (!newestApplied.isEmpty() && versionLess(file.version, newestApplied)) {
            row.state = MigrationState::OutOfOrder;
            row.detail = QStringLiteral("pending, but older than the newest applied migration %1").arg(newestApplied);
        } else {
            row.state = MigrationState::Pending;
        }
        rows.append(std::move(row));
    }

    for (const HistoryEntry &entry : history) {
        if (catalog.find(entry.version))
            continue;
        MigrationStatusRow row;
        row.version = entry.version;
        row.name = entry.name;
        row.state = MigrationState::MissingFile;
        row.recorded = true;
        row.detail = QStringLiteral("recorded as applied in the database, but no file %1_%2.sql is in the folder")
                         .arg(entry.version, entry.name);
        const VersionAudit &facts = factsOf(entry.version);
        if (facts.lastApply) {
            row.appliedAt = facts.lastApply->finishedAt;
            row.appliedBy = facts.lastApply->actor;
        }
        rows.append(std::move(row));
    }
    const auto byVersion = [](const MigrationStatusRow &a, const MigrationStatusRow &b) { return versionLess(a.version, b.version); };
    if (!std::is_sorted(rows.begin(), rows.end(), byVersion))  // the folder's order, unless files are missing
        std::stable_sort(rows.begin(), rows.end(), byVersion);
    appendSkipped(catalog, &rows);
    return rows;
}

QString newestRecordedVersion(const QList<MigrationStatusRow> &rows)
{
    QString newest;
    for (const MigrationStatusRow &row : rows) {
        if (row.recorded && (newest.isEmpty() || versionLess(newest, row.version)))
            newest = row.version;
    }
    return newest;
}

QList<const MigrationFile *> pendingMigrations(const MigrationCatalog &catalog, const QList<MigrationStatusRow> &rows,
                                               const QString &toVersion, bool includeOutOfOrder)
{
    QList<const MigrationFile *> pending;
    const QString newestRecorded = newestRecordedVersion(rows);
    for (const MigrationStatusRow &row : rows) {
        if (!toVersion.isEmpty() && versionLess(toVersion, row.version))
            break;
        const bool older = !newestRecorded.isEmpty() && versionLess(row.version, newestRecorded);
        const bool failedAndPending = row.state == MigrationState::Failed && !row.recorded;
        // Found by its verify script alone: still run (core/status/Presence).
        const bool verifiedOnly = row.state == MigrationState::PresentNotRecorded && row.presentByVerifyScript;
        const bool wanted = (row.state == MigrationState::Pending || (verifiedOnly && !older)
                             || (failedAndPending && (!older || includeOutOfOrder))
                             || ((row.state == MigrationState::OutOfOrder || (verifiedOnly && older)) && includeOutOfOrder))
            && row.hasFile;
        if (wanted)
            pending.append(catalog.find(row.version));
    }
    return pending;
}

QString migrationStateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Pending: return QStringLiteral("pending");
    case MigrationState::Applied: return QStringLiteral("applied");
    case MigrationState::Modified: return QStringLiteral("modified");
    case MigrationState::MissingFile: return QStringLiteral("missing file");
    case MigrationState::OutOfOrder: return QStringLiteral("out of order");
    case MigrationState::Failed: return QStringLiteral("failed");
    case MigrationState::Unknown: return QStringLiteral("unknown");
    case MigrationState::Skipped: return QStringLiteral("skipped");
    case MigrationState::PresentNotRecorded: return QStringLiteral("present, not recorded");
    case MigrationState::PartlyPresent: return QStringLiteral("partly present");
    }
    return QString();
}

QString statementRange(int count)
{
    return count == 1 ? QStringLiteral("statement 1") : QStringLiteral("statements 1 to %1").arg(count);
}
