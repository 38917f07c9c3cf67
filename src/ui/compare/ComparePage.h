#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/schema/SchemaCompare.h"
#include "db/workers/SchemaCompareJob.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class ComparePage;
}
class PasswordStore;
class QComboBox;
class QTreeWidgetItem;

// Schema compare: two sources (the migrations folder, built in a shadow database; the open
// connection; a saved profile; a connection string typed in), the differences as a tree by kind,
// filterable, both definitions side by side with the changed lines coloured, and the migration
// that turns From into To with its down, which Save as migration writes into the folder.
class ComparePage : public QWidget {
    Q_OBJECT
public:
    ComparePage(PasswordStore *passwords, QWidget *parent = nullptr);
    ~ComparePage() override;

    void setFolder(const QString &folder);
    void setProfiles(const QList<ConnectionProfile> &profiles);
    // The console's open connection (empty: none); a local one is also where folders are built.
    void setOpenConnection(const QString &conninfo, const QString &label, bool local);
    // Where folders are built: ATLAS_SHADOW_DSN, else the open connection when it is local by its
    // address and its tag; with neither, a folder is not built (never on the PG* variables' server).
    void setShadowServer(const QString &conninfo) { m_shadowServer = conninfo; }

    // Selects the sources as the combo boxes name them ("folder", "open", "profile:NAME", or a
    // connection string) and compares.
    void compare(const QString &from, const QString &to);
    const SchemaCompareResult &result() const { return m_result; }
    bool isComparing() const { return m_busy; }

public slots:
    void compareNow();
    void cancel();

signals:
    void compared(bool ok);
    void migrationSaved(const QString &version);

private:
    void fillSources();
    void selectSource(QComboBox *combo, const QString &spec);
    // The source a combo names, with its connection string (a profile's password read from the
    // keychain first); `done` gets an error instead when it names nothing usable.
    void resolve(const QString &spec, std::function<void(const SchemaCompareJob::Side &, const QString &error)> done);
    QString specOf(QComboBox *combo) const;  // "folder", "open", "profile:NAME" or what was typed
    void showResult(const SchemaCompareResult &result, const QString &error);
    void fillTree();
    void showSelected();
    void saveMigration();
    void setBusy(bool busy);

    std::unique_ptr<Ui::ComparePage> m_ui;
    PasswordStore *m_passwords;
    QString m_folder;
    QList<ConnectionProfile> m_profiles;
    QString m_openConninfo;
    QString m_openLabel;
    QString m_shadowServer;
    bool m_chosen = false;  // the user picked a source: no default overrides it
    bool m_busy = false;    // from Compare until the answer, the keychain's wait included
    bool m_fromFolder = false;  // the comparison started from the folder (Save as migration)
    int m_request = 0;      // keychain answers for an older request are ignored
    QPointer<SchemaCompareJob> m_job;
    SchemaCompareResult m_result;
};
