#pragma once

#include "core/catalog/MigrationCatalog.h"
#include "core/run/ActionGuard.h"
#include "core/run/RunReport.h"
#include "core/status/AuditRow.h"
#include "core/status/MigrationStatus.h"

#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class MigrationsPage;
}
class BlockersPanel;
class DbWorker;
class DriftView;
class MigrationDetails;
class MigrationListView;
class RepairDialog;
class RepairFlow;

// The migration checklist: every migration of the folder with its state in the connected
// database (MigrationListView), the selected one's SQL, statements, drift and history, and the
// actions (dry run, apply, roll back, verify, repair) that the worker runs off the GUI thread,
// guarded as the environment demands.
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
    // The detail tabs, made the first time something asks for them (the window asks once it has
    // painted; tests and the screenshot script may ask sooner).
    MigrationDetails *details();
    BlockersPanel *blockersPanel();
    DriftView *driftView();

    // Asks before a guarded action; returns true to go on. Tests replace the dialog with this.
    using Confirmer = std::function<bool(const ActionGuard &)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    // Asks before a repair; returns true to go on. Tests replace the dialog's exec() with this.
    void setRepairConfirmer(std::function<bool(RepairDialog &)> confirmer);

    QString selectedVersion() const;
    const QList<MigrationStatusRow> &rows() const;
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
    // `operation` is RunReport::operationName(): "apply", "dry run", "repair", ...
    void operationDone(const QString &operation, bool ok);
    void busyChanged(bool busy);

private:
    void setUpActions();
    void showStatus(const MigrationCatalog &catalog, const StatusReport &status);
    void showSelection();
    // The selected migration in the details, which exist.
    void showSelectionDetails();
    void showReport(const RunReport &report);
    void updateActions();
    void setBusy(bool busy, const QString &what = QString());
    // Apply (or resume) and roll back: the guard, then the worker, watching for blockers.
    void runGuarded(RunDirection direction);
    bool confirm(const QString &action, const MigrationScript &script);
    // While apply or rollback runs, the blockers panel comes to the front once if it waits.
    void showBlockers(int count);
    // The first time the list fills, unless the user's splitter sizes were restored: the list as
    // wide as its version, state and name need (up to half the page), so no name is cut, and kept
    // so when the window changes size.
    void fitListOnce();

    std::unique_ptr<Ui::MigrationsPage> m_ui;
    DbWorker *m_worker;
    MigrationListView *m_list;
    MigrationDetails *m_details = nullptr;
    QString m_session;  // the blockers panel's connection string
    RepairFlow *m_repair;
    Confirmer m_confirm;
    bool m_blockersShownThisRun = false;
    QString m_folder;
    Environment m_environment = Environment::Local;
    QString m_database;
    QString m_projectRef;
    bool m_connected = false;
    bool m_busy = false;
    bool m_listFitted = false;  // or the user's sizes restored
    QString m_refreshing;  // the text shown while a refresh runs
    MigrationCatalog m_catalog;
};
