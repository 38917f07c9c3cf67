#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/run/ActionGuard.h"
#include "core/run/RunReport.h"
#include "core/status/MigrationStatus.h"

#include <QObject>

#include <functional>
#include <optional>

class DbWorker;
class RepairDialog;
class QWidget;

// A repair from the migrations page, in three steps: the worker reads what the dialog shows first
// (the recorded statements, and for "applied" the verify checks on this database); RepairDialog
// asks, with the guard the environment demands; the worker writes it. The migration is the one
// the repair started for, even when the selection moves while the checks run.
class RepairFlow : public QObject {
    Q_OBJECT
public:
    // Returns true to go on (the dialog then holds the reason). Tests replace the dialog's exec().
    using Confirmer = std::function<bool(RepairDialog &)>;

    RepairFlow(DbWorker *worker, QWidget *dialogParent);

    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    void setTarget(Environment environment, const QString &database, const QString &projectRef);
    // `file` is null for a migration without a file (only "reverted" is possible then).
    void start(const MigrationStatusRow &row, const MigrationFile *file, bool markApplied);

signals:
    // The worker was asked: reading first, or writing once confirmed. `what` is for the result line.
    void busy(const QString &what);
    // What the dialog shows has been read; the dialog is about to ask.
    void idle();
    // Not confirmed: nothing was asked of the database; `why` says so.
    void declined(const QString &why);

private:
    void remember(const QString &version, bool recorded, const QStringList &statements);
    void ask(const QString &version, bool markApplied, const RunReport &checks);

    DbWorker *m_worker;
    QWidget *m_dialogParent;
    Confirmer m_confirm;
    Environment m_environment = Environment::Local;
    QString m_database;
    QString m_projectRef;
    QString m_version;
    QString m_displayName;
    std::optional<MigrationFile> m_file;
    // The statements the history records for m_version, once read.
    bool m_recorded = false;
    QStringList m_recordedStatements;
};
