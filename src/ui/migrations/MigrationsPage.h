#pragma once

#include "core/run/ActionGuard.h"
#include "core/catalog/MigrationCatalog.h"
#include "core/run/RunReport.h"
#include "db/workers/DbWorker.h"

#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class MigrationsPage;
}
class BlockersPanel;
class DriftView;
class StatementsView;
class RepairDialog;

// The migration checklist: every migration of the folder with its state in the connected
// database, its SQL and parsed statements with risks, and the actions (dry run, apply, roll back,
// verify) that the worker runs off the GUI thread, guarded as the environment demands.
class MigrationsPage : public QWidget {
    Q_OBJECT
public:
    explicit MigrationsPage(DbWorker *worker, QWidget *parent = nullptr);
    ~MigrationsPage() override;

    void setFolder(const QString &folder);
    // Where actions go: decides the confirmation asked before apply and roll back.
    void setTarget(Environment environment, const QString &database, const QString &projectRef);
    void setConnected(bool connected);
    // The console's connection string, for the blockers panel, which looks on a connection of its own.
    void setSession(const QString &conninfo);
    // lock_timeout for apply and roll back; false (and the field marked) when `text` is not a
    // duration PostgreSQL takes ("4s", "500ms", "2min").
    bool setLockTimeout(const QString &text);
    BlockersPanel *blockersPanel() const { return m_blockers; }

    // Asks before a guarded action; returns true to go on. Tests replace the dialog with this.
    using Confirmer = std::function<bool(const ActionGuard &)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

    // Asks before a repair; returns true to go on (the dialog then holds the reason). Tests
    // replace the dialog's exec() with this.
    using RepairConfirmer = std::function<bool(RepairDialog &)>;
    void setRepairConfirmer(RepairConfirmer confirmer) { m_confirmRepair = std::move(confirmer); }
    DriftView *driftView() const { return m_drift; }

    QString selectedVersion() const;
    const QList<MigrationStatusRow> &rows() const { return m_rows; }
    void selectVersion(const QString &version);

public slots:
    void refresh();
    void dryRunSelected();
    void applySelected();
    void rollbackSelected();
    void verifySelected();
    // Reads the diff (and, for applied, runs the verify checks), then asks with RepairDialog.
    void repairSelected(bool markApplied);
    void cancel();

signals:
    void statusShown();
    void operationDone(const QString &operation, bool ok);
    void busyChanged(bool busy);

private:
    void showStatus(const MigrationCatalog &catalog, const StatusReport &status);
    void showSelection();
    void showReport(const QString &operation, const RunReport &report);
    void showAudit(const QString &version, const QList<AuditRow> &rows);
    void showRecorded(const QString &version, bool recorded, const QStringList &statements, const QString &error);
    void askRepair(const QString &version, bool markApplied, const RunReport &checks);
    void applyFilter();
    void updateActions();
    void setBusy(bool busy, const QString &what = QString());
    bool confirm(const QString &action, const MigrationScript &script);
    const MigrationStatusRow *selectedRow() const;

    // Watches for blockers while apply or rollback runs; shows them once per operation.
    void watchBlockers(const QString &what);

    std::unique_ptr<Ui::MigrationsPage> m_ui;
    DbWorker *m_worker;
    BlockersPanel *m_blockers;
    DriftView *m_drift;
    StatementsView *m_statements;
    RepairConfirmer m_confirmRepair;
    // The last recorded statements read, for the repair dialog that follows.
    QString m_recordedVersion;
    bool m_recorded = false;
    QStringList m_recordedStatements;
    bool m_blockersShownThisRun = false;
    Confirmer m_confirm;
    QString m_folder;
    Environment m_environment = Environment::Local;
    QString m_database;
    QString m_projectRef;
    bool m_connected = false;
    bool m_busy = false;
    QString m_refreshing;  // the text shown while a refresh runs
    MigrationCatalog m_catalog;
    QList<MigrationStatusRow> m_rows;
};
