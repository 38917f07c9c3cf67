#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/lint/LintFinding.h"
#include "core/run/RunReport.h"
#include "core/status/MigrationStatus.h"

#include <QTabWidget>

#include <memory>
#include <optional>

namespace Ui {
class MigrationDetails;
}
class BlockersPanel;
class DbWorker;
class DriftView;
class StatementsView;

// The right-hand side of the migrations page for the selected migration: its file line and SQL,
// its statements with their locks, its dry run and verify results, its drift against the recorded
// statements, its history from the audit, and who blocks a running migration. What comes from
// the database (table sizes, recorded statements, attempts) is read lazily by the worker; an
// answer for a migration no longer shown is dropped. Made after the window's first paint (four
// trees and two panels the first look at the checklist does not need).
class MigrationDetails : public QTabWidget {
    Q_OBJECT
public:
    explicit MigrationDetails(DbWorker *worker, QWidget *parent = nullptr);
    ~MigrationDetails() override;

    DriftView *driftView() const { return m_drift; }
    BlockersPanel *blockersPanel() const { return m_blockers; }
    // Shows `row` (null: nothing selected) and `file` (null: no file). The database is asked only
    // when `canRead` (connected and nothing running).
    void showMigration(const MigrationStatusRow *row, const MigrationFile *file, bool connected, bool canRead);
    // A dry run's changes and the rules' findings, or a verify's checks, brought to the front.
    void showDryRun(const RunReport &report, const QList<LintFinding> &findings);
    void showChecks(const RunReport &report);
    // The blockers tab's title with their count; `bringForward`: its tab to the front.
    void showBlockerCount(int count, bool bringForward);

private:
    static QString dryRunHint();
    void showRecorded(const QString &version, bool recorded, const QStringList &statements, const QString &error);

    std::unique_ptr<Ui::MigrationDetails> m_ui;
    DbWorker *m_worker;
    StatementsView *m_statements;
    DriftView *m_drift;
    BlockersPanel *m_blockers;
    QString m_version;
    std::optional<MigrationFile> m_file;
    bool m_sqlFontSet = false;
};
