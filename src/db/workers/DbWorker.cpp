#include "db/workers/DbWorker.h"

#include "db/advise/AdvisorRunner.h"
#include "db/todo/EvidenceChecker.h"
#include "db/migrate/HistoryReader.h"
#include "db/migrate/RelationSizes.h"
#include "db/server/ServerDetailsReader.h"
#include "db/server/ServerProbe.h"
#include "db/workers/WorkerThread.h"

DbWorker::DbWorker()
{
    m_runner.setProgressHandler(
        [this](int index, int count, const QString &statement) { emit progressed(index, count, statement); });
    m_runner.setNoticeHandler([this](const QString &notice) { emit noticeReceived(notice); });
    qRegisterMetaType<ServerInfo>();
    qRegisterMetaType<QList<AdvisorFinding>>();
    qRegisterMetaType<QList<ServerSection>>();
    qRegisterMetaType<ConnectionProblem>();
    qRegisterMetaType<MigrationCatalog>();
    qRegisterMetaType<StatusReport>();
    qRegisterMetaType<RunReport>();
    qRegisterMetaType<QList<RunReport>>();
    qRegisterMetaType<QList<AuditRow>>();
    qRegisterMetaType<QList<EvidenceResult>>();
    qRegisterMetaType<RelationSizeMap>();
}

DbWorker::~DbWorker() = default;

DbWorker *DbWorker::startOnOwnThread()
{
    auto *worker = new DbWorker;
    worker->m_thread = WorkerThread::start(worker, QStringLiteral("atlas-db-worker"));
    return worker;
}

void DbWorker::stop()
{
    cancel();
    WorkerThread::stop(m_thread);
}

void DbWorker::openConnection(const QString &conninfo)
{
    const QString failure = m_connection.open(conninfo);
    if (!failure.isEmpty()) {
        emit connectionFailed(classifyConnectionProblem(failure));
        return;
    }
    ServerInfo info;
    const PgResult probe = probeServer(m_connection, &info);
    if (!probe.ok()) {
        ConnectionProblem problem = classifyConnectionProblem(probe.error().message);
        problem.summary = QStringLiteral("Connected, but reading the server's details failed: %1")
                              .arg(probe.error().toString());
        m_connection.close();
        emit connectionFailed(problem);
        return;
    }
    m_targetPooled = info.target.isTransactionPooler();
    applyRunnerOptions();
    emit connected(info);
}

void DbWorker::closeConnection()
{
    if (m_connection.isOpen()) {
        m_connection.close();
        emit disconnected();
    }
}

void DbWorker::cancel()
{
    m_runner.cancel();  // flag + libpq cancel request: both safe from another thread
}

void DbWorker::setLockTimeout(const QString &lockTimeout)
{
    m_options.lockTimeout = lockTimeout;
    applyRunnerOptions();
}

void DbWorker::setRunnerOptions(const RunnerOptions &options)
{
    m_options = options;
    applyRunnerOptions();
}

void DbWorker::applyRunnerOptions()
{
    RunnerOptions options = m_options;
    options.transactionPooled = m_options.transactionPooled || m_targetPooled;
    m_runner.setOptions(options);
}

const MigrationFile *DbWorker::migration(const QString &version)
{
    return m_catalog.find(version);
}

void DbWorker::runOn(const QString &version, const std::function<RunReport(const MigrationFile &)> &work)
{
    const MigrationFile *file = migration(version);
    if (!file) {
        RunReport report;
        report.version = version;
        report.message = QStringLiteral("no migration file with version %1 in %2").arg(version, m_catalog.folder);
        emit operationFinished(report);
        return;
    }
    m_runner.resetCancel();
    emit operationFinished(work(*file));
}

void DbWorker::refreshStatus(const QString &folder)
{
    m_catalog = scanMigrationFolder(folder);
    StatusReport status;
    if (m_connection.isOpen())
        status = m_runner.status(m_catalog);
    else
        status.error.message = QStringLiteral("not connected");
    emit statusRead(m_catalog, status);
}

void DbWorker::dryRun(const QString &version, bool down)
{
    runOn(version, [this, down](const MigrationFile &file) { return m_runner.dryRun(file, down); });
}

void DbWorker::apply(const QString &version)
{
    runOn(version, [this](const MigrationFile &file) { return m_runner.apply(file, &m_catalog); });
}

void DbWorker::resume(const QString &version, int resumeFrom)
{
    runOn(version, [this, resumeFrom](const MigrationFile &file) { return m_runner.resume(file, resumeFrom); });
}

void DbWorker::rollback(const QString &version)
{
    runOn(version, [this](const MigrationFile &file) { return m_runner.rollback(file); });
}

void DbWorker::verify(const QString &version)
{
    runOn(version, [this](const MigrationFile &file) { return m_runner.verify(file); });
}

void DbWorker::readAudit(const QString &version)
{
    QList<AuditRow> rows;
    HistoryReader::attemptsOf(m_connection, version, &rows);
    emit auditRead(version, rows);
}

void DbWorker::readRecordedStatements(const QString &version)
{
    QHash<QString, QStringList> statements;
    bool recorded = false;
    PgResult result = HistoryReader::isRecorded(m_connection, version, &recorded);
    if (!result.ok() && result.error().sqlState == QLatin1String("42P01")) {
        emit recordedStatementsRead(version, false, {}, QString());  // no history table yet
        return;
    }
    if (result.ok() && recorded)
        result = HistoryReader::readStatements(m_connection, {version}, &statements);
    emit recordedStatementsRead(version, recorded, statements.value(version),
                                result.ok() ? QString() : result.error().toString());
}

void DbWorker::readRelationSizes(const QString &version, const QStringList &relations)
{
    emit relationSizesRead(version, relationSizes(m_connection, relations));
}

void DbWorker::prepareRepair(const QString &version, bool markApplied)
{
    readRecordedStatements(version);
    RunReport checks;
    checks.version = version;
    checks.direction = RunDirection::Verify;
    if (markApplied) {
        if (const MigrationFile *file = m_catalog.find(version)) {
            m_runner.resetCancel();
            checks = m_runner.verify(*file);
        } else {
            checks.message = QStringLiteral("no file with version %1: it cannot be marked applied").arg(version);
        }
    } else {
        checks.ok = true;
        checks.skipped = true;
    }
    emit repairPrepared(version, markApplied, checks);
}

void DbWorker::repair(const QString &version, bool markApplied, const QString &reason)
{
    m_runner.resetCancel();
    const RunReport report = m_runner.repair(version, m_catalog.find(version),
                                             markApplied ? RepairStatus::Applied : RepairStatus::Reverted, reason);
    emit operationFinished(report);
}

void DbWorker::readServerDetails()
{
    if (m_connection.isOpen())
        emit serverDetailsRead(::readServerDetails(m_connection));
}

void DbWorker::runAdvisors()
{
    QList<AdvisorFinding> findings;
    if (!m_connection.isOpen()) {
        emit advisorsRead(findings, QStringLiteral("not connected"));
        return;
    }
    const PgResult result = ::runAdvisors(m_connection, {QStringLiteral("public"), QStringLiteral("graphql_public")}, &findings);
    emit advisorsRead(findings, result.ok() ? QString() : result.error().toString());
}

void DbWorker::checkEvidence(const QStringList &checkIds)
{
    QList<EvidenceResult> results;
    if (!m_connection.isOpen()) {
        for (const QString &id : checkIds)
            results.append({id, false, true, QStringLiteral("not connected")});
    } else {
        results = ::checkEvidence(m_connection, checkIds);
    }
    emit evidenceChecked(results);
}
