#include "ui/MainWindow.h"

#include "ui_MainWindow.h"

#include "ui/MainMenus.h"

#include "core/connection/ProfileStore.h"
#include "db/browse/BrowseWorker.h"
#include "db/local/QueryHistory.h"
#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"
#include "ui/advise/AdvisorsPage.h"
#include "ui/common/ElidedToolTips.h"
#include "ui/compare/ComparePage.h"
#include "ui/browse/BrowserPage.h"
#include "ui/connection/ConnectionBar.h"
#include "ui/connection/PasswordStore.h"
#include "ui/connection/ProfilesDialog.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/migrations/MigrationsPage.h"
#include "ui/server/ServerPage.h"
#include "ui/sqleditor/SqlPage.h"
#include "ui/todos/TodoPage.h"

#include <QCloseEvent>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>

#include <utility>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_worker(DbWorker::startOnOwnThread())
    , m_browseWorker(BrowseWorker::startOnOwnThread())
    , m_passwords(new PasswordStore(this))
{
    m_ui->setupUi(this);
    m_connection = new ConnectionBar(m_worker, m_passwords, this);
    m_ui->contentLayout->insertWidget(0, m_connection);
    showEnvironment(tr("not connected"), QStringLiteral("#d0d0d0"), QStringLiteral("#202020"));
    addPages();
    ElidedToolTips::installAll(this);
    MainMenus::install(this, m_ui->pageTabs);
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
    reloadProfiles();

    connect(m_connection, &ConnectionBar::statusChanged, m_ui->statusLabel, &QLabel::setText);
    connect(m_connection, &ConnectionBar::profilesRequested, this, &MainWindow::showProfiles);
    connect(m_worker, &DbWorker::connected, this, &MainWindow::showConnected);
    connect(m_worker, &DbWorker::connectionFailed, this, &MainWindow::showDisconnected);
}

MainWindow::~MainWindow()
{
    m_worker->stop();
    m_browseWorker->stop();
}

void MainWindow::addPages()
{
    m_migrations = new MigrationsPage(m_worker, this);
    m_ui->pageTabs->addTab(m_migrations, tr("&Migrations"));
    // The other pages are made once the window has painted, or when one is first asked for: the
    // window shows sooner and what is on it first does not wait for pages nobody looks at yet.
    for (const QString &label : {tr("&TODOs"), tr("&Browse"), tr("S&QL"), tr("&Advisors"), tr("&Environments"),
                                 tr("C&ompare"), tr("Server")})
        m_ui->pageTabs->addTab(new QWidget, label);
    m_ui->pageTabs->setCurrentIndex(0);
    connect(m_ui->pageTabs, &QTabWidget::currentChanged, this, &MainWindow::showPage);
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, &MainWindow::afterFirstPaint);
    }
    return QMainWindow::event(event);
}

void MainWindow::afterFirstPaint()
{
    connectNow();
    m_migrations->details();
    // The other pages (and the module of later parts) in an event of their own: the details took
    // 12-16 ms and the pages take 20-23 (bench_startup's machine); one event of both would hold
    // off input and the connection's answer for twice as long.
    QTimer::singleShot(0, this, &MainWindow::makePages);
}

void MainWindow::connectNow()
{
    if (m_connectAfterPaint)
        std::exchange(m_connectAfterPaint, {})();
}

void MainWindow::connectOncePainted(std::function<void()> connect)
{
    // Connecting opens libpq (a dlopen of it and of its TLS and Kerberos libraries) on the worker
    // and has the server fork a process: on a two-core machine that took the core the first paint
    // needed. A shown window connects once it has painted, or within half a second if it is not
    // painted (minimised), whichever comes first.
    if (!isVisible() || m_painted) {
        connect();
        return;
    }
    m_connectAfterPaint = std::move(connect);
    QTimer::singleShot(500, this, &MainWindow::connectNow);
}

void MainWindow::showPage(int index)
{
    if (m_makingPages)
        return;
    makePages();
    // The matrix connects to every saved environment: only when asked for, the first time its tab opens.
    if (m_ui->pageTabs->widget(index) == m_environments && !m_environmentsShown) {
        m_environmentsShown = true;
        m_environments->refresh();
    }
}

void MainWindow::makePages()
{
    if (m_todos)
        return;
    m_makingPages = true;
    // A line edit's clear button loads its icon through Qt's image plugins the first time; it
    // shows only once there is text, so the forms of the first screen ask for it with the
    // property clearButtonAfterPaint and get it here, with the other pages.
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        if (edit->property("clearButtonAfterPaint").toBool())
            edit->setClearButtonEnabled(true);
    m_todos = new TodoPage(m_worker, this);
    m_browser = new BrowserPage(m_browseWorker, this);
    m_sql = new SqlPage(QueryHistory::defaultPath(), this);
    m_advisors = new AdvisorsPage(m_worker, this);
    m_environments = new EnvironmentsPage(m_passwords, this);
    m_compare = new ComparePage(m_passwords, this);
    m_server = new ServerPage(this);
    const int current = m_ui->pageTabs->currentIndex();
    const QList<QWidget *> pages{m_todos, m_browser, m_sql, m_advisors, m_environments, m_compare, m_server};
    for (int i = 0; i < pages.size(); ++i) {
        QWidget *placeholder = m_ui->pageTabs->widget(i + 1);
        const QString label = m_ui->pageTabs->tabText(i + 1);
        m_ui->pageTabs->removeTab(i + 1);
        m_ui->pageTabs->insertTab(i + 1, pages.at(i), label);
        delete placeholder;
        ElidedToolTips::installAll(pages.at(i));
    }
    m_ui->pageTabs->setCurrentIndex(current);
    connectPages();

    // What the window was told before the pages were there.
    if (!m_statusDocument.isEmpty())
        m_todos->setDocumentPath(m_statusDocument);
    showFolderInPages();
    showProfilesInPages();
    if (m_serverInfo)
        showConnectionInPages(*m_serverInfo);
    m_makingPages = false;
    showPage(current);
}

void MainWindow::connectPages()
{
    connect(m_server, &ServerPage::detailsRequested, this, [this] { postTo(m_worker, [](DbWorker &w) { w.readServerDetails(); }); });
    connect(m_worker, &DbWorker::serverDetailsRead, m_server, &ServerPage::showDetails);
    connect(m_sql, &SqlPage::migrationSaved, m_migrations, &MigrationsPage::refresh);
    connect(m_advisors, &AdvisorsPage::openSql, this, [this](const QString &sql) {
        m_sql->newTab(sql);
        m_ui->pageTabs->setCurrentWidget(m_sql);
    });
    connect(m_advisors, &AdvisorsPage::addTodo, this, [this](const QString &text, const QString &checkId) {
        m_todos->addItem(text, checkId);
        m_ui->pageTabs->setCurrentWidget(m_todos);
    });
    connect(m_compare, &ComparePage::migrationSaved, m_migrations, &MigrationsPage::refresh);
    connect(m_environments, &EnvironmentsPage::compareRequested, this, [this](const QString &from, const QString &to) {
        m_ui->pageTabs->setCurrentWidget(m_compare);
        m_compare->compare(from, to);
    });
    connect(m_todos, &TodoPage::exportRequested, this, [this] {
        const auto &profile = m_connection->activeProfile();
        const QString environment = profile ? QStringLiteral("%1 (%2)").arg(profile->name, environmentName(profile->environment))
                                            : (m_serverInfo ? m_serverInfo->database + QStringLiteral(" on ") + m_serverInfo->address()
                                                            : QStringLiteral(" on "));
        m_todos->exportStatus(m_migrations->rows(), environment);
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::showProfiles()
{
    profilesDialog()->show();
}

void MainWindow::reloadProfiles()
{
    QSettings settings;
    m_profiles = ProfileStore::load(settings);
    m_connection->setProfiles(m_profiles);
    if (m_todos)
        showProfilesInPages();
}

void MainWindow::showProfilesInPages()
{
    m_environments->setProfiles(m_profiles);
    m_compare->setProfiles(m_profiles);
}

ProfilesDialog *MainWindow::profilesDialog()
{
    if (!m_profilesDialog) {
        m_profilesDialog = new ProfilesDialog(m_profiles, m_passwords, this);
        connect(m_profilesDialog, &ProfilesDialog::saved, this, [this] { reloadProfiles(); });
        connect(m_profilesDialog, &ProfilesDialog::connectRequested, this,
                [this](const ConnectionProfile &profile, const QString &password) {
                    reloadProfiles();
                    connectToProfile(profile, password);
                });
    }
    return m_profilesDialog;
}

void MainWindow::connectToProfile(const ConnectionProfile &profile, const QString &typedPassword)
{
    connectOncePainted([this, profile, typedPassword] { m_connection->connectToProfile(profile, typedPassword); });
}

void MainWindow::connectTo(const QString &conninfo)
{
    connectOncePainted([this, conninfo] { m_connection->connectTo(conninfo); });
}

void MainWindow::setStatusDocument(const QString &path)
{
    m_statusDocument = path;
    if (m_todos)
        m_todos->setDocumentPath(path);
}

void MainWindow::setMigrationsFolder(const QString &folder)
{
    m_folder = folder;
    m_migrations->setFolder(folder);
    if (m_todos)
        showFolderInPages();
}

void MainWindow::showFolderInPages()
{
    m_environments->setFolder(m_folder);
    m_compare->setFolder(m_folder);
    m_sql->setMigrationsFolder(m_folder);
}

void MainWindow::showConnected(const ServerInfo &info)
{
    m_serverInfo = info;
    const auto &profile = m_connection->activeProfile();
    const Environment environment = environmentOf(info);
    m_migrations->setTarget(environment, info.database,
                            profile && !profile->projectRef.isEmpty() ? profile->projectRef : info.target.projectRef);
    m_migrations->setSession(m_connection->conninfo());
    m_migrations->setConnected(true);
    if (m_todos)
        showConnectionInPages(info);
    setWindowTitle(tr("Atlas Console — %1 on %2").arg(info.database, info.address()));

    const QString label = profile ? profile->name : info.database;
    switch (environment) {
    case Environment::Production:
        showEnvironment(tr("PRODUCTION · %1 · %2").arg(label, info.target.describe()), QStringLiteral("#b00020"), QStringLiteral("#ffffff"));
        break;
    case Environment::Staging:
        showEnvironment(tr("STAGING · %1 · %2").arg(label, info.target.describe()), QStringLiteral("#ef6c00"), QStringLiteral("#ffffff"));
        break;
    case Environment::Local:
        showEnvironment(tr("LOCAL · %1").arg(label), QStringLiteral("#2e7d32"), QStringLiteral("#ffffff"));
        break;
    }
    emit connectionSettled(true);
}

// The pages made after the first paint: where the open connection is.
void MainWindow::showConnectionInPages(const ServerInfo &info)
{
    const auto &profile = m_connection->activeProfile();
    const Environment environment = environmentOf(info);
    m_server->showServer(info);
    m_todos->setConnected(true);
    m_advisors->setConnected(true);
    m_browser->setConnection(m_connection->conninfo());
    const QString openLabel = profile ? profile->name : QStringLiteral("%1 on %2").arg(info.database, info.address());
    // A folder is built in a shadow database on this server only when it is a local one by both
    // its address and its tag: a production profile reached through an SSH tunnel is loopback too.
    m_compare->setOpenConnection(m_connection->conninfo(), openLabel,
                                 info.target.kind == TargetKind::Local && environment == Environment::Local);
    m_environments->setOpenConnection(m_connection->conninfo(), openLabel);
    m_sql->setConnection(m_connection->conninfo(), environment, info.database, profile ? profile->name : info.target.describe());
}

// A profile says which environment it is; without one, anything not local counts as production.
Environment MainWindow::environmentOf(const ServerInfo &info) const
{
    const auto &profile = m_connection->activeProfile();
    return profile ? profile->environment : (info.target.kind == TargetKind::Local ? Environment::Local : Environment::Production);
}

void MainWindow::showDisconnected()
{
    m_serverInfo.reset();
    m_migrations->setConnected(false);
    if (m_todos) {
        m_server->clear();
        m_todos->setConnected(false);
        m_advisors->setConnected(false);
        m_compare->setOpenConnection(QString(), QString(), false);
        m_environments->setOpenConnection(QString(), QString());
    }
    showEnvironment(tr("not connected"), QStringLiteral("#d0d0d0"), QStringLiteral("#202020"));
    emit connectionSettled(false);
}

void MainWindow::showEnvironment(const QString &text, const QString &background, const QString &foreground)
{
    m_ui->environmentBand->setText(text);
    m_ui->environmentBand->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; font-weight: bold; }").arg(background, foreground));
}
