#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/catalog/MigrationCatalog.h"
#include "core/status/MigrationStatus.h"

#include <QWidget>

#include <memory>

namespace Ui {
class EnvironmentsPage;
}
class PasswordStore;
class QMenu;

// Migrations as rows, saved profiles as columns, each cell the state there: "is it applied to
// production?" in one look. Every environment is read in parallel, read-only, with a time limit.
class EnvironmentsPage : public QWidget {
    Q_OBJECT
public:
    EnvironmentsPage(PasswordStore *passwords, QWidget *parent = nullptr);
    ~EnvironmentsPage() override;

    void setFolder(const QString &folder);
    void setProfiles(const QList<ConnectionProfile> &profiles);
    // The console's open connection: a column of its own unless it is a saved profile's.
    void setOpenConnection(const QString &conninfo, const QString &label);
    QString cellText(const QString &version, const QString &profileName) const;
    // What right-clicking a column's header or one of its cells offers: its schema against the
    // folder and against each other column (built afresh, owned by the caller). Compare any
    // two… offers every pair.
    QMenu *compareMenu(int column, QWidget *parent);

public slots:
    void refresh();

signals:
    // One environment's column is filled: `ok` false when it could not be read in time.
    void environmentRead(const QString &profileName, bool ok);
    void refreshed();  // every environment answered (or timed out)
    // Schema compare of two sources, as the Compare page names them ("folder", "profile:NAME").
    void compareRequested(const QString &from, const QString &to);

private:
    // The compare menu of a column (header or cell), at a global position; nothing off the columns.
    void popupCompareMenu(int column, const QPoint &at);
    QList<ConnectionProfile> productionProfiles() const;
    void fillCompareButtons();
    QString sourceOf(int column) const;
    void rebuildColumns();
    void readEnvironments(const MigrationCatalog &catalog);  // once the folder is scanned
    void showColumn(const QString &profileId, const StatusReport &status, const QString &error);

    std::unique_ptr<Ui::EnvironmentsPage> m_ui;
    PasswordStore *m_passwords;
    QString m_folder;
    QList<ConnectionProfile> m_profiles;
    QList<ConnectionProfile> m_columns;  // the profiles, and the open connection as one
    QString m_openConninfo;
    QString m_openLabel;
    QStringList m_errors;  // of the environments that could not be read, whole
    MigrationCatalog m_catalog;
    QStringList m_versions;  // row order
    int m_waiting = 0;
    int m_generation = 0;    // answers of an older refresh are dropped
    bool m_refreshing = false;
};
