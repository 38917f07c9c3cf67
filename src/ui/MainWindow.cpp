#include "ui/MainWindow.h"

#include "ui_MainWindow.h"

#include "core/connection/Redaction.h"
#include "db/workers/DbWorker.h"
#include "core/connection/ProfileStore.h"
#include "ui/browse/BrowserPage.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/migrations/MigrationsPage.h"
#include "ui/connection/PasswordStore.h"
#include "ui/connection/ProfilesDialog.h"
#include "ui/todos/TodoPage.h"
#include "db/workers/WorkerCall.h"

#include <QCloseEvent>
#include <QSettings>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_worker(DbWorker::startOnOwnThread())
{
    m_ui->setupUi(this);
    showEnvironment(tr("not connected"), QStringLiteral("#d0d0d0"), QStringLiteral("#202020"));
    m_migrations = new MigrationsPage(m_worker, this);
    m_ui->pageTabs->insertTab(0, m_migrations, tr("&Migrations"));
    m_passwords = new PasswordStore(this);
    m_todos = new TodoPage(m_worker, this);
    m_ui->pageTabs->insertTab(1, m_todos, tr("&TODOs"));
    connect(m_todos, &TodoPage::exportRequested, this, [this] {
        const QString environment = m_activeProfile
            ? QStringLiteral("%1 (%2)").arg(m_activeProfile->name, environmentName(m_activeProfile->environment))
            : m_ui->databaseValue->text() + QStringLiteral(" on ") + m_ui->targetValue->text();
        m_todos->exportStatus(m_migrations->rows(), environment);
    });
    m_browser = new BrowserPage(this);
    m_ui->pageTabs->insertTab(2, m_browser, tr("&Browse"));
    m_environments = new EnvironmentsPage(m_passwords, this);
    m_ui->pageTabs->insertTab(3, m_environments, tr("&Environments"));
    // The matrix connects to every saved environment: only when asked for, the first time its tab opens.
    connect(m_ui->pageTabs, &QTabWidget::currentChanged, this, [this, shown = false](int index) mutable {
        if (m_ui->pageTabs->widget(index) == m_environments && !shown) {
            shown = true;
            m_environments->refresh();
        }
    });
    m_ui->pageTabs->setCurrentIndex(0);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());

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
    connect(m_ui->profilesButton, &QPushButton::clicked, this, [this] { profilesDialog()->show(); });
    reloadProfiles();
    connect(m_ui->connectionEdit, &QLineEdit::returnPressed, m_ui->connectButton, &QPushButton::click);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_worker, &DbWorker::cancel, Qt::DirectConnection);
    connect(m_worker, &DbWorker::connected, this, &MainWindow::showConnected);
    connect(m_worker, &DbWorker::connectionFailed, this, &MainWindow::showFailure);
}

MainWindow::~MainWindow()
{
    m_worker->stop();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::reloadProfiles()
{
    QSettings settings;
    m_profiles = ProfileStore::load(settings);
    if (m_environments)
        m_environments->setProfiles(m_profiles);
    const QString current = m_ui->profileCombo->currentText();
    m_ui->profileCombo->blockSignals(true);
    m_ui->profileCombo->clear();
    m_ui->profileCombo->addItem(tr("Connection string"));
    for (const ConnectionProfile &p : m_profiles)
        m_ui->profileCombo->addItem(QStringLiteral("%1 [%2]").arg(p.name, environmentName(p.environment)));
    m_ui->profileCombo->setCurrentIndex(qMax(0, m_ui->profileCombo->findText(current)));
    m_ui->profileCombo->blockSignals(false);
}

ProfilesDialog *MainWindow::profilesDialog()
{
    if (!m_profilesDialog) {
        m_profilesDialog = new ProfilesDialog(m_profiles, m_passwords, this);
        connect(m_profilesDialog, &ProfilesDialog::saved, this, [this] { reloadProfiles(); });
        connect(m_profilesDialog, &ProfilesDialog::connectRequested, this,
                [this](const ConnectionProfile &profile, const QString &password) {
                    reloadProfiles();
                    for (int i = 0; i < m_profiles.size(); ++i) {
                        if (m_profiles.at(i).id == profile.id)
                            m_ui->profileCombo->setCurrentIndex(i + 1);
                    }
                    connectToProfile(profile, password);
                });
    }
    return m_profilesDialog;
}

void MainWindow::connectToProfile(const ConnectionProfile &profile, const QString &typedPassword)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == profile.id) {
            m_ui->profileCombo->blockSignals(true);
            m_ui->profileCombo->setCurrentIndex(i + 1);
            m_ui->profileCombo->blockSignals(false);
        }
    }
    const auto go = [this, profile](const QString &password) {
        m_activeProfile = profile;
        m_conninfo = profile.conninfo(password);
        m_ui->connectionEdit->setText(profile.conninfo());  // never the password
        m_ui->statusLabel->setText(tr("Connecting with profile %1 …").arg(profile.name));
        setBusy(true);
        postTo(m_worker, [conninfo = m_conninfo](DbWorker &w) { w.openConnection(conninfo); });
    };
    if (!typedPassword.isEmpty()) {
        go(typedPassword);
        return;
    }
    m_passwords->read(profile.keychainKey(), [this, go](bool found, const QString &password, bool available, const QString &error) {
        if (!available)
            m_ui->statusLabel->setText(tr("No system keychain (%1): using ~/.pgpass.").arg(error));
        go(found ? password : QString());
    });
}

void MainWindow::setStatusDocument(const QString &path)
{
    m_todos->setDocumentPath(path);
}

void MainWindow::setMigrationsFolder(const QString &folder)
{
    m_migrations->setFolder(folder);
    m_environments->setFolder(folder);
}

QString MainWindow::conninfoFromField() const
{
    const QString text = m_ui->connectionEdit->text().trimmed();
    return text == redactConnectionString(m_conninfo) ? m_conninfo : text;
}

void MainWindow::connectTo(const QString &conninfo)
{
    m_activeProfile.reset();
    m_ui->profileCombo->setCurrentIndex(0);
    m_conninfo = conninfo;
    // Never show a password: the field holds the redacted form.
    m_ui->connectionEdit->setText(redactConnectionString(conninfo));
    const QString shown = conninfo.isEmpty() ? tr("PG* environment variables") : redactConnectionString(conninfo);
    m_ui->statusLabel->setText(tr("Connecting to %1 …").arg(shown));
    setBusy(true);
    postTo(m_worker, [conninfo](DbWorker &w) { w.openConnection(conninfo); });
}

void MainWindow::showConnected(const ServerInfo &info)
{
    setBusy(false);
    const QString where = info.host.startsWith(QLatin1Char('/'))
        ? tr("Unix socket in %1, port %2").arg(info.host).arg(info.port)
        : QStringLiteral("%1:%2").arg(info.host).arg(info.port);
    m_ui->targetValue->setText(where);
    m_ui->looksLikeValue->setText(info.looksLike());
    m_ui->serverVersionValue->setText(info.serverVersion);
    m_ui->serverVersionValue->setToolTip(info.versionString);
    m_ui->databaseValue->setText(info.database);
    m_ui->userValue->setText(info.user);
    QStringList features;
    features << (info.hasMigrationHistory ? tr("migration history present") : tr("no migration history yet"));
    features << (info.hasPgCron ? tr("pg_cron installed") : tr("no pg_cron"));
    if (info.target.isTransactionPooler())
        features << tr("transaction pooler: no session state between transactions");
    m_ui->featuresValue->setText(features.join(QStringLiteral(" · ")));
    m_ui->statusLabel->setText(tr("Connected."));
    // A profile says which environment it is; without one, anything not local counts as production.
    const Environment environment = m_activeProfile
        ? m_activeProfile->environment
        : (info.target.kind == TargetKind::Local ? Environment::Local : Environment::Production);
    m_migrations->setTarget(environment, info.database,
                            m_activeProfile && !m_activeProfile->projectRef.isEmpty() ? m_activeProfile->projectRef
                                                                                      : info.target.projectRef);
    m_migrations->setSession(m_conninfo);
    m_migrations->setConnected(true);
    m_todos->setConnected(true);
    m_browser->setConnection(m_conninfo);
    setWindowTitle(tr("Atlas Console — %1 on %2").arg(info.database, where));

    const QString label = m_activeProfile ? m_activeProfile->name : info.database;
    switch (environment) {
    case Environment::Production:
        showEnvironment(tr("PRODUCTION · %1 · %2").arg(label, info.target.describe()), QStringLiteral("#b00020"),
                        QStringLiteral("#ffffff"));
        break;
    case Environment::Staging:
        showEnvironment(tr("STAGING · %1 · %2").arg(label, info.target.describe()), QStringLiteral("#ef6c00"),
                        QStringLiteral("#ffffff"));
        break;
    case Environment::Local:
        showEnvironment(tr("LOCAL · %1").arg(label), QStringLiteral("#2e7d32"), QStringLiteral("#ffffff"));
        break;
    }
    emit connectionSettled(true);
}

void MainWindow::showFailure(const ConnectionProblem &problem)
{
    setBusy(false);
    for (QLabel *value : {m_ui->targetValue, m_ui->looksLikeValue, m_ui->serverVersionValue, m_ui->databaseValue,
                          m_ui->userValue, m_ui->featuresValue})
        value->clear();
    QString text = QStringLiteral("<b>%1</b> (%2)").arg(problem.summary.toHtmlEscaped(),
                                                         connectionProblemKindName(problem.kind));
    if (!problem.advice.isEmpty())
        text += QStringLiteral("<br>%1").arg(problem.advice.toHtmlEscaped());
    if (!problem.raw.isEmpty() && problem.raw != problem.summary)
        text += QStringLiteral("<br><span style='color:#666'>libpq: %1</span>")
                    .arg(redactConnectionString(problem.raw).toHtmlEscaped());
    m_ui->statusLabel->setText(text);
    m_migrations->setConnected(false);
    m_todos->setConnected(false);
    showEnvironment(tr("not connected"), QStringLiteral("#d0d0d0"), QStringLiteral("#202020"));
    emit connectionSettled(false);
}

void MainWindow::setBusy(bool busy)
{
    m_ui->connectButton->setEnabled(!busy);
    m_ui->cancelButton->setEnabled(busy);
    m_ui->connectionEdit->setReadOnly(busy);
}

void MainWindow::showEnvironment(const QString &text, const QString &background, const QString &foreground)
{
    m_ui->environmentBand->setText(text);
    m_ui->environmentBand->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; font-weight: bold; }").arg(background, foreground));
}
