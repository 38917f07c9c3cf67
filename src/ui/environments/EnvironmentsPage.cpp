#include "ui/environments/EnvironmentsPage.h"

#include "ui_EnvironmentsPage.h"

#include <QMenu>

#include "db/workers/EnvironmentStatusJob.h"
#include "ui/connection/PasswordStore.h"

#include <QApplication>
#include <QHeaderView>
#include <QPointer>
#include <QThread>

namespace {

const QString kOpenConnectionId = QStringLiteral("open-connection");

QColor colourFor(const QString &state)
{
    if (state == QLatin1String("applied"))
        return QColor(0x2e, 0x7d, 0x32);
    if (state == QLatin1String("pending"))
        return QColor(0x15, 0x65, 0xc0);
    if (state == QLatin1String("modified") || state == QLatin1String("out of order"))
        return QColor(0xef, 0x6c, 0x00);
    return QColor(0xb0, 0x00, 0x20);
}

}  // namespace

EnvironmentsPage::EnvironmentsPage(PasswordStore *passwords, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EnvironmentsPage>())
    , m_passwords(passwords)
{
    m_ui->setupUi(this);
    m_ui->matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &EnvironmentsPage::refresh);
    QHeaderView *header = m_ui->matrix->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &at) {
        popupCompareMenu(header->logicalIndexAt(at), header->mapToGlobal(at));
    });
    // A cell's column, as its header's.
    m_ui->matrix->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->matrix, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        popupCompareMenu(m_ui->matrix->columnAt(at.x()), m_ui->matrix->viewport()->mapToGlobal(at));
    });
    // With one production profile the button compares it; with more, it asks which.
    connect(m_ui->productionAgainstFolderButton, &QPushButton::clicked, this, [this] {
        const QList<ConnectionProfile> production = productionProfiles();
        if (production.size() == 1)
            emit compareRequested(QStringLiteral("folder"), QStringLiteral("profile:") + production.first().name);
    });
}

void EnvironmentsPage::popupCompareMenu(int column, const QPoint &at)
{
    if (column < 0 || column >= m_columns.size())
        return;
    QMenu *menu = compareMenu(column, this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(at);
}

QList<ConnectionProfile> EnvironmentsPage::productionProfiles() const
{
    QList<ConnectionProfile> production;
    for (const ConnectionProfile &profile : m_profiles)
        if (profile.environment == Environment::Production)
            production.append(profile);
    return production;
}

// Every pair: each column with the folder, then each two columns.
void EnvironmentsPage::fillCompareButtons()
{
    QMenu *pairs = m_ui->compareAnyTwoButton->menu();
    if (!pairs) {
        pairs = new QMenu(m_ui->compareAnyTwoButton);
        m_ui->compareAnyTwoButton->setMenu(pairs);
    }
    pairs->clear();
    for (int column = 0; column < m_columns.size(); ++column)
        pairs->addAction(tr("%1 with the folder").arg(m_columns.at(column).name), this,
                         [this, source = sourceOf(column)] { emit compareRequested(QStringLiteral("folder"), source); });
    for (int column = 0; column < m_columns.size(); ++column)
        for (int other = column + 1; other < m_columns.size(); ++other)
            pairs->addAction(tr("%1 with %2").arg(m_columns.at(column).name, m_columns.at(other).name), this,
                             [this, source = sourceOf(column), otherSource = sourceOf(other)] { emit compareRequested(source, otherSource); });
    m_ui->compareAnyTwoButton->setEnabled(!m_columns.isEmpty());

    const QList<ConnectionProfile> production = productionProfiles();
    QMenu *chooser = m_ui->productionAgainstFolderButton->menu();
    if (production.size() > 1 && !chooser) {
        chooser = new QMenu(m_ui->productionAgainstFolderButton);
        m_ui->productionAgainstFolderButton->setMenu(chooser);
    } else if (production.size() <= 1 && chooser) {
        m_ui->productionAgainstFolderButton->setMenu(nullptr);
        delete chooser;
        chooser = nullptr;
    }
    if (chooser) {
        chooser->clear();
        for (const ConnectionProfile &profile : production)
            chooser->addAction(profile.name, this, [this, name = profile.name] {
                emit compareRequested(QStringLiteral("folder"), QStringLiteral("profile:") + name);
            });
    }
}

EnvironmentsPage::~EnvironmentsPage() = default;

// How the Compare page names a column: the open connection, or a saved profile.
QString EnvironmentsPage::sourceOf(int column) const
{
    const ConnectionProfile &profile = m_columns.at(column);
    return profile.id == kOpenConnectionId ? QStringLiteral("open") : QStringLiteral("profile:") + profile.name;
}

QMenu *EnvironmentsPage::compareMenu(int column, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    if (column < 0 || column >= m_columns.size())
        return menu;
    const QString name = m_columns.at(column).name;
    const QString source = sourceOf(column);
    menu->addAction(tr("Compare %1's schema with the folder").arg(name), this, [this, source] {
        emit compareRequested(QStringLiteral("folder"), source);
    });
    for (int other = 0; other < m_columns.size(); ++other)
        if (other != column)
            menu->addAction(tr("Compare %1's schema with %2's").arg(name, m_columns.at(other).name), this,
                            [this, source, otherSource = sourceOf(other)] { emit compareRequested(source, otherSource); });
    return menu;
}

void EnvironmentsPage::setOpenConnection(const QString &conninfo, const QString &label)
{
    m_openConninfo = conninfo;
    m_openLabel = label;
    rebuildColumns();
}

// The saved profiles, and the open connection when it is none of them: the page is not blank
// before the first profile is saved.
void EnvironmentsPage::rebuildColumns()
{
    const QList<ConnectionProfile> before = m_columns;
    m_columns = m_profiles;
    const bool openIsProfile = std::any_of(m_profiles.cbegin(), m_profiles.cend(), [this](const ConnectionProfile &p) { return p.name == m_openLabel; });
    if (!m_openConninfo.isEmpty() && !openIsProfile) {
        ConnectionProfile open;
        open.id = kOpenConnectionId;
        open.name = m_openLabel;
        m_columns.append(open);
    }
    // The matrix shows the columns it was filled with: once it has been, a change of columns
    // reads them again (answers for the old ones are dropped by their generation).
    const auto ids = [](const QList<ConnectionProfile> &columns) {
        QStringList list;
        for (const ConnectionProfile &p : columns)
            list << p.id + QLatin1Char('\n') + p.name;
        return list;
    };
    fillCompareButtons();
    if (m_generation > 0 && !m_refreshing && ids(before) != ids(m_columns))
        refresh();
}

void EnvironmentsPage::setFolder(const QString &folder)
{
    m_folder = folder;
}

void EnvironmentsPage::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_profiles = profiles;
    rebuildColumns();
    const bool production = !productionProfiles().isEmpty();
    m_ui->productionAgainstFolderButton->setEnabled(production);
    m_ui->productionAgainstFolderButton->setToolTip(production ? tr("What production has that no migration of the folder makes, and the "
                                                                    "migration that records it (Compare any two… for the others)")
                                                               : tr("Save a profile tagged production first (File > Profiles…)"));
}

QString EnvironmentsPage::cellText(const QString &version, const QString &profileName) const
{
    const int row = int(m_versions.indexOf(version));
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_columns.at(c).name == profileName && row >= 0) {
            const QTableWidgetItem *item = m_ui->matrix->item(row, c);
            return item ? item->text() : QString();
        }
    }
    return QString();
}

void EnvironmentsPage::refresh()
{
    const int generation = ++m_generation;
    m_ui->refreshButton->setEnabled(false);
    m_ui->statusLabel->setText(tr("Reading the folder …"));
    // Off the GUI thread: the folder may sit on a network share or hold thousands of files.
    QPointer<EnvironmentsPage> guard(this);
    QThread *scan = QThread::create([guard, generation, folder = m_folder] {
        MigrationCatalog catalog = scanMigrationFolder(folder);
        QMetaObject::invokeMethod(qApp, [guard, generation, catalog = std::move(catalog)] {
            if (guard && generation == guard->m_generation)
                guard->readEnvironments(catalog);
        }, Qt::QueuedConnection);
    });
    scan->setObjectName(QStringLiteral("atlas-matrix-folder"));
    connect(scan, &QThread::finished, scan, &QObject::deleteLater);
    scan->start();
}

void EnvironmentsPage::readEnvironments(const MigrationCatalog &catalog)
{
    m_refreshing = true;  // rebuildColumns below must not start another refresh
    m_catalog = catalog;
    m_versions.clear();
    m_ui->matrix->clear();
    rebuildColumns();
    m_refreshing = false;
    m_errors.clear();
    m_ui->matrix->setColumnCount(int(m_columns.size()));
    QStringList headers;
    for (const ConnectionProfile &p : m_columns)
        headers << (p.id == kOpenConnectionId ? tr("%1\nopen connection").arg(p.name) : QStringLiteral("%1\n%2").arg(p.name, environmentName(p.environment)));
    m_ui->matrix->setHorizontalHeaderLabels(headers);
    QStringList rows;
    for (const MigrationFile &m : m_catalog.migrations) {
        m_versions << m.version;
        rows << m.displayName();
    }
    m_ui->matrix->setRowCount(int(rows.size()));
    m_ui->matrix->setVerticalHeaderLabels(rows);
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < m_columns.size(); ++c)
            m_ui->matrix->setItem(r, c, new QTableWidgetItem(tr("…")));
    }
    if (m_columns.isEmpty()) {
        m_ui->statusLabel->setText(tr("No saved profiles and no open connection: connect, or add environments with File > Profiles…"));
        m_ui->refreshButton->setEnabled(true);
        emit refreshed();
        return;
    }
    m_waiting = int(m_columns.size());
    m_ui->statusLabel->setText(tr("Reading %n environment(s) …", nullptr, m_waiting));
    const int timeoutMs = m_ui->timeoutSpin->value() * 1000;
    const int generation = m_generation;
    const auto read = [this, timeoutMs, generation](const QString &id, const QString &conninfo) {
        EnvironmentStatusJob *job = EnvironmentStatusJob::start(id, conninfo, m_catalog, timeoutMs);
        connect(job, &EnvironmentStatusJob::finished, this,
                [this, generation](const QString &key, const StatusReport &status, const QString &error) {
                    if (generation == m_generation)
                        showColumn(key, status, error);
                });
    };
    for (const ConnectionProfile &profile : m_columns) {
        if (profile.id == kOpenConnectionId) {
            read(profile.id, m_openConninfo);
            continue;
        }
        m_passwords->read(profile.keychainKey(), [this, profile, generation, read](bool found, const QString &password, bool, const QString &) {
            if (generation == m_generation)
                read(profile.id, profile.conninfo(found ? password : QString()));
        });
    }
}

void EnvironmentsPage::showColumn(const QString &profileId, const StatusReport &status, const QString &error)
{
    int column = -1;
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_columns.at(c).id == profileId)
            column = c;
    }
    if (column < 0 || column >= m_ui->matrix->columnCount())
        return;
    for (int r = 0; r < m_versions.size(); ++r) {
        QTableWidgetItem *item = m_ui->matrix->item(r, column);
        if (!item)
            continue;
        if (!error.isEmpty()) {
            item->setText(tr("not read"));
            item->setToolTip(error);
            item->setForeground(Qt::gray);
            continue;
        }
        for (const MigrationStatusRow &row : status.rows) {
            if (row.version != m_versions.at(r))
                continue;
            const QString state = migrationStateName(row.state);
            item->setText(state);
            item->setForeground(colourFor(state));
            item->setToolTip(row.detail);
        }
    }
    if (!error.isEmpty()) {
        // The header says that it failed; the whole reason goes below the matrix, not cut.
        QTableWidgetItem *header = m_ui->matrix->horizontalHeaderItem(column);
        header->setText(header->text() + tr("\n⚠ not read (see below)"));
        header->setToolTip(error);
        m_errors.append(tr("%1 could not be read: %2").arg(m_columns.at(column).name, error));
    }
    emit environmentRead(m_columns.at(column).name, error.isEmpty());
    if (--m_waiting == 0) {
        m_ui->refreshButton->setEnabled(true);
        QStringList said{tr("Read %n environment(s).", nullptr, int(m_columns.size()))};
        said += m_errors;
        m_ui->statusLabel->setText(said.join(QLatin1Char('\n')));
        emit refreshed();
    }
}
