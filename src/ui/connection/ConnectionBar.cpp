#include "ui/connection/ConnectionBar.h"

#include "ui_ConnectionBar.h"

#include "core/connection/Redaction.h"
#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/connection/PasswordStore.h"

ConnectionBar::ConnectionBar(DbWorker *worker, PasswordStore *passwords, QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::ConnectionBar>())
    , m_worker(worker)
    , m_passwords(passwords)
{
    m_ui->setupUi(this);
    connect(m_ui->connectButton, &QPushButton::clicked, this, [this] {
        const int index = m_ui->profileCombo->currentIndex() - 1;
        if (index >= 0 && index < m_profiles.size())
            connectToProfile(m_profiles.at(index));
        else
            connectTo(conninfoFromField());
    });
    connect(m_ui->profileCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        m_ui->connectionEdit->setEnabled(index <= 0);
        if (index > 0 && index - 1 < m_profiles.size())
            m_ui->connectionEdit->setText(m_profiles.at(index - 1).conninfo());
    });
    connect(m_ui->profilesButton, &QPushButton::clicked, this, &ConnectionBar::profilesRequested);
    connect(m_ui->connectionEdit, &QLineEdit::returnPressed, m_ui->connectButton, &QPushButton::click);
    connect(m_ui->cancelConnectButton, &QPushButton::clicked, m_worker, &DbWorker::cancel, Qt::DirectConnection);
    connect(m_worker, &DbWorker::connected, this, [this] {
        setBusy(false);
        emit statusChanged(tr("Connected."));
    });
    connect(m_worker, &DbWorker::connectionFailed, this, &ConnectionBar::showFailure);
    setProfiles({});
}

ConnectionBar::~ConnectionBar() = default;

void ConnectionBar::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_profiles = profiles;
    const QString current = m_ui->profileCombo->currentText();
    const QSignalBlocker quiet(m_ui->profileCombo);
    m_ui->profileCombo->clear();
    m_ui->profileCombo->addItem(tr("Connection string"));
    for (const ConnectionProfile &p : m_profiles)
        m_ui->profileCombo->addItem(QStringLiteral("%1 [%2]").arg(p.name, environmentName(p.environment)));
    m_ui->profileCombo->setCurrentIndex(qMax(0, m_ui->profileCombo->findText(current)));
}

void ConnectionBar::connectToProfile(const ConnectionProfile &profile, const QString &typedPassword)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == profile.id) {
            const QSignalBlocker quiet(m_ui->profileCombo);
            m_ui->profileCombo->setCurrentIndex(i + 1);
        }
    }
    const auto go = [this, profile](const QString &password) {
        m_activeProfile = profile;
        m_ui->connectionEdit->setText(profile.conninfo());  // never the password
        connectWith(profile.conninfo(password), tr("Connecting with profile %1 …").arg(profile.name));
    };
    if (!typedPassword.isEmpty()) {
        go(typedPassword);
        return;
    }
    m_passwords->read(profile.keychainKey(), [this, go](bool found, const QString &password, bool available, const QString &error) {
        if (!available)
            emit statusChanged(tr("No system keychain (%1): using ~/.pgpass.").arg(error));
        go(found ? password : QString());
    });
}

void ConnectionBar::connectTo(const QString &conninfo)
{
    m_activeProfile.reset();
    m_ui->profileCombo->setCurrentIndex(0);
    // Never show a password: the field holds the redacted form.
    m_ui->connectionEdit->setText(redactConnectionString(conninfo));
    const QString shown = conninfo.isEmpty() ? tr("PG* environment variables") : redactConnectionString(conninfo);
    connectWith(conninfo, tr("Connecting to %1 …").arg(shown));
}

void ConnectionBar::connectWith(const QString &conninfo, const QString &status)
{
    m_conninfo = conninfo;
    emit statusChanged(status);
    setBusy(true);
    postTo(m_worker, [conninfo](DbWorker &w) { w.openConnection(conninfo); });
}

QString ConnectionBar::conninfoFromField() const
{
    const QString text = m_ui->connectionEdit->text().trimmed();
    return text == redactConnectionString(m_conninfo) ? m_conninfo : text;
}

void ConnectionBar::showFailure(const ConnectionProblem &problem)
{
    setBusy(false);
    QString text = QStringLiteral("<b>%1</b> (%2)").arg(problem.summary.toHtmlEscaped(), connectionProblemKindName(problem.kind));
    if (!problem.advice.isEmpty())
        text += QStringLiteral("<br>%1").arg(problem.advice.toHtmlEscaped());
    if (!problem.raw.isEmpty() && problem.raw != problem.summary)
        text += QStringLiteral("<br><span style='color:#666'>libpq: %1</span>").arg(redactConnectionString(problem.raw).toHtmlEscaped());
    emit statusChanged(text);
}

void ConnectionBar::setBusy(bool busy)
{
    m_ui->connectButton->setEnabled(!busy);
    m_ui->cancelConnectButton->setEnabled(busy);
    m_ui->connectionEdit->setReadOnly(busy);
}
