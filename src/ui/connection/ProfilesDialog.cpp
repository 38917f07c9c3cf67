#include "ui/connection/ProfilesDialog.h"

#include "ui_ProfilesDialog.h"

#include "core/connection/ConnectionTarget.h"
#include "core/connection/PgPassFile.h"
#include "core/connection/ProfileStore.h"
#include "db/workers/DbWorker.h"
#include "ui/connection/PasswordStore.h"
#include "db/workers/WorkerCall.h"

#include <QSettings>
#include <QUuid>

ProfilesDialog::ProfilesDialog(QList<ConnectionProfile> profiles, PasswordStore *passwords, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfilesDialog>())
    , m_profiles(std::move(profiles))
    , m_passwords(passwords)
{
    m_ui->setupUi(this);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_ui->duplicateButton, &QPushButton::clicked, this, &ProfilesDialog::duplicateProfile);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &ProfilesDialog::deleteProfile);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ProfilesDialog::saveProfiles);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfilesDialog::testConnection);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->connectButton, &QPushButton::clicked, this, [this] {
        const QString password = m_ui->passwordEdit->text();
        saveProfiles();
        if (m_current >= 0 && m_profiles.at(m_current).problems().isEmpty()) {
            emit connectRequested(m_profiles.at(m_current), password);
            accept();
        }
    });
    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, &ProfilesDialog::showProfile);
    connect(m_ui->sourceCombo, qOverload<int>(&QComboBox::currentIndexChanged), m_ui->sourceStack,
            &QStackedWidget::setCurrentIndex);
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->uriEdit, m_ui->hostEdit, m_ui->databaseEdit, m_ui->userEdit,
                            m_ui->projectRefEdit, m_ui->regionEdit, m_ui->sslRootCertEdit})
        connect(edit, &QLineEdit::textEdited, this, &ProfilesDialog::readForm);
    for (QComboBox *combo : {m_ui->environmentCombo, m_ui->sourceCombo, m_ui->modeCombo, m_ui->sslModeCombo})
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, &ProfilesDialog::readForm);
    connect(m_ui->portSpin, qOverload<int>(&QSpinBox::valueChanged), this, &ProfilesDialog::readForm);
    // A password pasted inside a URI moves to the password field (and from there to the keychain).
    connect(m_ui->uriEdit, &QLineEdit::editingFinished, this, [this] {
        QString password;
        const QString stripped = stripPasswordFromUri(m_ui->uriEdit->text(), &password);
        if (!password.isEmpty()) {
            m_ui->uriEdit->setText(stripped);
            m_ui->passwordEdit->setText(password);
            readForm();
        }
    });
    refreshList();
    if (m_profiles.isEmpty())
        addProfile();
    else
        m_ui->profileList->setCurrentRow(0);
}

ProfilesDialog::~ProfilesDialog() = default;

void ProfilesDialog::refreshList()
{
    const int keep = m_current;
    m_loading = true;
    m_ui->profileList->clear();
    for (const ConnectionProfile &p : m_profiles)
        m_ui->profileList->addItem(QStringLiteral("%1  [%2]").arg(p.name, environmentName(p.environment)));
    m_loading = false;
    if (keep >= 0 && keep < m_profiles.size())
        m_ui->profileList->setCurrentRow(keep);
}

void ProfilesDialog::showProfile(int index)
{
    if (m_loading || index < 0 || index >= m_profiles.size())
        return;
    m_current = index;
    const ConnectionProfile &p = m_profiles.at(index);
    m_loading = true;
    m_ui->nameEdit->setText(p.name);
    m_ui->environmentCombo->setCurrentIndex(int(p.environment));
    m_ui->sourceCombo->setCurrentIndex(int(p.source));
    m_ui->sourceStack->setCurrentIndex(int(p.source));
    m_ui->uriEdit->setText(p.uri);
    m_ui->hostEdit->setText(p.host);
    m_ui->portSpin->setValue(p.port);
    m_ui->databaseEdit->setText(p.database);
    m_ui->userEdit->setText(p.user);
    m_ui->projectRefEdit->setText(p.projectRef);
    m_ui->regionEdit->setText(p.region);
    m_ui->modeCombo->setCurrentIndex(int(p.supabaseMode));
    m_ui->sslModeCombo->setCurrentText(p.sslMode);
    m_ui->sslRootCertEdit->setText(p.sslRootCert);
    m_ui->passwordEdit->clear();
    m_loading = false;
    m_ui->resultLabel->clear();
    showTarget();
}

void ProfilesDialog::readForm()
{
    if (m_loading || m_current < 0)
        return;
    ConnectionProfile &p = m_profiles[m_current];
    p.name = m_ui->nameEdit->text().trimmed();
    p.environment = Environment(m_ui->environmentCombo->currentIndex());
    p.source = ConnectionProfile::Source(m_ui->sourceCombo->currentIndex());
    p.uri = m_ui->uriEdit->text().trimmed();
    p.host = m_ui->hostEdit->text().trimmed();
    p.port = m_ui->portSpin->value();
    p.database = m_ui->databaseEdit->text().trimmed();
    p.user = m_ui->userEdit->text().trimmed();
    p.projectRef = m_ui->projectRefEdit->text().trimmed().toLower();
    p.region = m_ui->regionEdit->text().trimmed();
    p.supabaseMode = ConnectionProfile::SupabaseMode(m_ui->modeCombo->currentIndex());
    p.sslMode = m_ui->sslModeCombo->currentText();
    p.sslRootCert = m_ui->sslRootCertEdit->text().trimmed();
    if (QListWidgetItem *item = m_ui->profileList->item(m_current))
        item->setText(QStringLiteral("%1  [%2]").arg(p.name, environmentName(p.environment)));
    showTarget();
}

void ProfilesDialog::showTarget()
{
    if (m_current < 0)
        return;
    const ConnectionProfile &p = m_profiles.at(m_current);
    QString text = tr("Connects to %1:%2 as %3, database %4 · %5")
                       .arg(p.effectiveHost())
                       .arg(p.effectivePort())
                       .arg(p.effectiveUser(), p.effectiveDatabase(), p.describe());
    if (!p.effectiveSslMode().isEmpty())
        text += tr(" · sslmode=%1").arg(p.effectiveSslMode());
    if (classifyTarget(p.effectiveHost(), p.effectivePort(), p.effectiveUser()).isTransactionPooler())
        text += tr("<br><i>Transaction pooler: no session state between transactions. The console takes its "
                   "migration lock per transaction and refuses files that must run outside a transaction.</i>");
    m_ui->targetLabel->setText(text);
}

void ProfilesDialog::addProfile()
{
    ConnectionProfile p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.name = tr("new profile %1").arg(m_profiles.size() + 1);
    m_profiles.append(p);
    m_current = int(m_profiles.size()) - 1;
    refreshList();
    showProfile(m_current);
}

void ProfilesDialog::duplicateProfile()
{
    if (m_current < 0)
        return;
    ConnectionProfile copy = m_profiles.at(m_current);
    copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    copy.name = tr("%1 (copy)").arg(copy.name);
    m_profiles.append(copy);
    m_current = int(m_profiles.size()) - 1;
    refreshList();
    showProfile(m_current);
}

void ProfilesDialog::deleteProfile()
{
    if (m_current < 0)
        return;
    const ConnectionProfile gone = m_profiles.takeAt(m_current);
    m_passwords->remove(gone.keychainKey(), [](bool, bool, const QString &) {});
    m_current = m_profiles.isEmpty() ? -1 : qMin(m_current, int(m_profiles.size()) - 1);
    QSettings settings;
    ProfileStore::save(settings, m_profiles);
    refreshList();
    if (m_current >= 0)
        showProfile(m_current);
    emit saved(m_profiles);
}

void ProfilesDialog::saveProfiles()
{
    readForm();
    if (m_current >= 0) {
        const QStringList problems = m_profiles.at(m_current).problems();
        if (!problems.isEmpty()) {
            m_ui->resultLabel->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                                           .arg(problems.join(QStringLiteral("<br>")).toHtmlEscaped()));
            return;
        }
    }
    QSettings settings;
    ProfileStore::save(settings, m_profiles);
    emit saved(m_profiles);
    const QString password = m_ui->passwordEdit->text();
    m_ui->passwordEdit->clear();  // never kept in the form longer than needed
    if (m_current < 0 || password.isEmpty()) {
        m_ui->resultLabel->setText(tr("Saved."));
        return;
    }
    const ConnectionProfile profile = m_profiles.at(m_current);
    m_passwords->write(profile.keychainKey(), password, [this, profile, password](bool ok, bool available, const QString &error) {
        if (ok) {
            m_ui->resultLabel->setText(tr("Saved; the password is in the system keychain."));
            emit passwordStored(QStringLiteral("keychain"));
            return;
        }
        if (available) {
            m_ui->resultLabel->setText(tr("Saved, but the keychain refused the password: %1").arg(error));
            return;
        }
        QString why;
        const QString file = PgPassFile::path();
        if (PgPassFile::upsert(file, profile.effectiveHost(), profile.effectivePort(), profile.effectiveDatabase(),
                               profile.effectiveUser(), password, &why)) {
            m_ui->resultLabel->setText(tr("No system keychain is available (%1). The password was saved to %2 "
                                          "(mode 0600), which libpq reads.").arg(error, file));
            emit passwordStored(file);
        } else {
            m_ui->resultLabel->setText(tr("No system keychain (%1), and %2").arg(error, why));
        }
    });
}

void ProfilesDialog::testConnection()
{
    readForm();
    if (m_current < 0)
        return;
    const ConnectionProfile profile = m_profiles.at(m_current);
    const QStringList problems = profile.problems();
    if (!problems.isEmpty()) {
        m_ui->resultLabel->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                                       .arg(problems.join(QStringLiteral("<br>")).toHtmlEscaped()));
        emit tested(false, problems.join(QLatin1Char('\n')));
        return;
    }
    m_ui->testButton->setEnabled(false);
    m_ui->resultLabel->setText(tr("Connecting to %1:%2 …").arg(profile.effectiveHost()).arg(profile.effectivePort()));
    const QString typed = m_ui->passwordEdit->text();
    const auto run = [this, profile](const QString &password) {
        DbWorker *worker = DbWorker::startOnOwnThread();
        const auto finish = [this, worker](bool ok, const QString &message) {
            m_ui->testButton->setEnabled(true);
            m_ui->resultLabel->setText(message);
            worker->stop();
            emit tested(ok, message);
        };
        connect(worker, &DbWorker::connected, this, [finish](const ServerInfo &info) {
            QString message = tr("Connected: %1, database %2 as %3.").arg(info.looksLike(), info.database, info.user);
            if (info.target.isTransactionPooler())
                message += tr(" This is a transaction pooler.");
            finish(true, message);
        }, Qt::SingleShotConnection);
        connect(worker, &DbWorker::connectionFailed, this, [finish](const ConnectionProblem &problem) {
            finish(false, QStringLiteral("<span style='color:#b00020'><b>%1</b> (%2)</span><br>%3")
                              .arg(problem.summary.toHtmlEscaped(), connectionProblemKindName(problem.kind),
                                   problem.advice.toHtmlEscaped()));
        }, Qt::SingleShotConnection);
        postTo(worker, [conninfo = profile.conninfo(password)](DbWorker &w) { w.openConnection(conninfo); });
    };
    if (!typed.isEmpty()) {
        run(typed);
        return;
    }
    m_passwords->read(profile.keychainKey(), [run](bool found, const QString &password, bool, const QString &) {
        run(found ? password : QString());  // without one, libpq looks in ~/.pgpass
    });
}
