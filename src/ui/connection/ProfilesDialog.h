#pragma once

#include "core/connection/ConnectionProfile.h"

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class ProfilesDialog;
}
class PasswordStore;

// Add, edit, duplicate and delete connection profiles; test one; save (profiles to the settings
// file, the password to the keychain or, without one, to ~/.pgpass); connect.
class ProfilesDialog : public QDialog {
    Q_OBJECT
public:
    ProfilesDialog(QList<ConnectionProfile> profiles, PasswordStore *passwords, QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    const QList<ConnectionProfile> &profiles() const { return m_profiles; }
    int currentIndex() const { return m_current; }

public slots:
    void addProfile();
    void duplicateProfile();
    void deleteProfile();
    void saveProfiles();
    void testConnection();

signals:
    void saved(const QList<ConnectionProfile> &profiles);
    void connectRequested(const ConnectionProfile &profile, const QString &typedPassword);
    void passwordStored(const QString &where);  // "keychain" or the .pgpass path
    void tested(bool ok, const QString &message);

private:
    void showProfile(int index);
    void readForm();
    void refreshList();
    void showTarget();

    std::unique_ptr<Ui::ProfilesDialog> m_ui;
    QList<ConnectionProfile> m_profiles;
    PasswordStore *m_passwords;
    int m_current = -1;
    bool m_loading = false;
};
