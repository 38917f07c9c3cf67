#pragma once

#include "core/advise/Advisors.h"
#include "core/catalog/MigrationCatalog.h"
#include "core/connection/ConnectionProblem.h"
#include "core/connection/ServerDetails.h"
#include "core/connection/ServerInfo.h"
#include "core/run/RunReport.h"
#include "core/schema/RelationSize.h"
#include "core/status/AuditRow.h"
#include "core/todo/TodoEvidence.h"
#include "db/migrate/MigrationRunner.h"
#include "db/pg/PgConnection.h"

#include <QObject>
#include <QThread>

#include <memory>

Q_DECLARE_METATYPE(ConnectionProblem)
Q_DECLARE_METATYPE(MigrationCatalog)
Q_DECLARE_METATYPE(QList<EvidenceResult>)
Q_DECLARE_METATYPE(QList<AdvisorFinding>)

// Owns the console's connection and does all its database work on a thread of its own: the
// server probe, the migration status, and the engine's dry run, apply, rollback and verify.
// Its methods run on that thread: callers queue them with a typed call,
//     postTo(worker, [v](DbWorker &w) { w.apply(v); });
// and the answers leave as signals. cancel() is the exception: call it directly from any thread,
// so that it never waits behind the query it cancels.
class DbWorker : public QObject {
    Q_OBJECT
public:
    DbWorker();
    ~DbWorker() override;

    // The engine's backend pid, published by its runner at each transaction (safe from any thread).
    std::shared_ptr<const std::atomic<int>> engineBackendPid() const { return m_runner.backendPid(); }

    // Starts the worker's thread; the worker is deleted when the thread ends (see stop()).
    static DbWorker *startOnOwnThread();
    // Cancels what runs, ends the thread and waits for it. Call from the thread that started it.
    void stop();
    void cancel();  // any thread

    void openConnection(const QString &conninfo);
    void closeConnection();
    // Scans `folder` (off the GUI thread too) and reads the state of its migrations.
    void refreshStatus(const QString &folder);
    void dryRun(const QString &version, bool down);
    void apply(const QString &version);
    // A migration that failed part way outside a transaction, from its failed statement on.
    void resume(const QString &version, int resumeFrom);
    void rollback(const QString &version);
    void verify(const QString &version);
    void readAudit(const QString &version);
    // The statements the history recorded for `version` (its drift against the file).
    void readRecordedStatements(const QString &version);
    // Size and estimated rows of the tables a migration's statements lock.
    void readRelationSizes(const QString &version, const QStringList &relations);
    // What a repair dialog shows first: the recorded statements, and for "applied" the verify
    // checks run read-only on this database. Answers recordedStatementsRead, then repairPrepared.
    void prepareRepair(const QString &version, bool markApplied);
    // Marks it applied or reverted without running it (see MigrationRepairer).
    void repair(const QString &version, bool markApplied, const QString &reason);
    void setRunnerOptions(const RunnerOptions &options);
    // lock_timeout for the migrations' statements ("4s", "2min"); the other options stay.
    void setLockTimeout(const QString &lockTimeout);
    void checkEvidence(const QStringList &checkIds);
    // Supabase's advisors, live (advisorsRead).
    void runAdvisors();
    // The Server page's sections (serverDetailsRead).
    void readServerDetails();

signals:
    void connected(const ServerInfo &info);
    void connectionFailed(const ConnectionProblem &problem);
    void disconnected();

    void statusRead(const MigrationCatalog &catalog, const StatusReport &status);
    void progressed(int index, int count, const QString &statement);
    void noticeReceived(const QString &notice);
    // A dry run, apply, rollback, verify or repair ended (report.operationName() says which).
    void operationFinished(const RunReport &report);
    void auditRead(const QString &version, const QList<AuditRow> &rows);
    // `recorded` false: the history has no row for it (statements then empty).
    void recordedStatementsRead(const QString &version, bool recorded, const QStringList &statements, const QString &error);
    void repairPrepared(const QString &version, bool markApplied, const RunReport &checks);
    void relationSizesRead(const QString &version, const RelationSizeMap &sizes);
    void evidenceChecked(const QList<EvidenceResult> &results);
    void advisorsRead(const QList<AdvisorFinding> &findings, const QString &error);
    void serverDetailsRead(const QList<ServerSection> &sections);

private:
    // The migration of the folder read last, or a report that says it is not there.
    const MigrationFile *migration(const QString &version);
    // Runs `work` on the migration with a fresh cancel request, and reports its outcome.
    void runOn(const QString &version, const std::function<RunReport(const MigrationFile &)> &work);
    // The options set here, behind a transaction pooler with its per-transaction lock.
    void applyRunnerOptions();

    PgConnection m_connection;
    QThread *m_thread = nullptr;
    MigrationCatalog m_catalog;
    RunnerOptions m_options;
    bool m_targetPooled = false;  // the connected target is a transaction pooler
    // Lives as long as the worker, so that cancel() from the GUI thread always has a runner.
    MigrationRunner m_runner{m_connection};
};
