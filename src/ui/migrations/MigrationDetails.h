#pragma once

#include "core/catalog/MigrationFile.h"
#include "core/status/MigrationStatus.h"

#include <QObject>

#include <optional>

namespace Ui {
class MigrationsPage;
}
class DbWorker;
class DriftView;
class StatementsView;

// The right-hand side of the migrations page for the selected migration: its file line and SQL,
// its statements with their locks, its drift against the recorded statements, its history from
// the audit. What comes from the database (table sizes, recorded statements, attempts) is read
// lazily by the worker; an answer for a migration no longer shown is dropped.
class MigrationDetails : public QObject {
    Q_OBJECT
public:
    MigrationDetails(Ui::MigrationsPage *ui, DbWorker *worker, QObject *parent);

    DriftView *driftView() const { return m_drift; }
    // Shows `row` (null: nothing selected) and `file` (null: no file). The database is asked only
    // when `canRead` (connected and nothing running).
    void show(const MigrationStatusRow *row, const MigrationFile *file, bool connected, bool canRead);

private:
    static QString dryRunHint();
    void showRecorded(const QString &version, bool recorded, const QStringList &statements, const QString &error);

    Ui::MigrationsPage *m_ui;
    DbWorker *m_worker;
    StatementsView *m_statements;
    DriftView *m_drift;
    QString m_version;
    std::optional<MigrationFile> m_file;
    bool m_sqlFontSet = false;
};
