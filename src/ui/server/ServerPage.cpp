#include "ui/server/ServerPage.h"

#include "ui/common/RememberedLayout.h"

#include "ui_ServerPage.h"

#include "ui/common/ElidedToolTips.h"

#include <QTreeWidget>

ServerPage::ServerPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ServerPage>())
{
    m_ui->setupUi(this);
    connect(m_ui->refreshDetailsButton, &QPushButton::clicked, this, &ServerPage::detailsRequested);
}

ServerPage::~ServerPage() = default;

void ServerPage::showServer(const ServerInfo &info)
{
    m_ui->targetValue->setText(info.address());
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
    m_ui->refreshDetailsButton->setEnabled(true);
    emit detailsRequested();
}

void ServerPage::showDetails(const QList<ServerSection> &sections)
{
    const int current = m_ui->detailsTabs->currentIndex();
    clearDetails();
    for (const ServerSection &section : sections) {
        if (!section.note.isEmpty() && section.columns.isEmpty()) {
            auto *note = new QLabel(section.note);
            note->setWordWrap(true);
            note->setAlignment(Qt::AlignTop | Qt::AlignLeft);
            note->setObjectName(QStringLiteral("serverNote"));
            m_ui->detailsTabs->addTab(note, section.title);
            continue;
        }
        auto *tree = new QTreeWidget;
        tree->setObjectName(QStringLiteral("serverSection"));
        ElidedToolTips::install(tree);
        tree->setRootIsDecorated(false);
        tree->setAlternatingRowColors(true);
        tree->setHeaderLabels(section.columns);
        for (const QStringList &row : section.rows) {
            auto *item = new QTreeWidgetItem(tree, row);
            for (int c = 0; c < row.size(); ++c)
                item->setToolTip(c, row.at(c));
            if (row.value(3).startsWith(QLatin1String("update:")))
                item->setForeground(3, QColor(0xef, 0x6c, 0x00));
        }
        if (!RememberedLayout::keep(tree->header(), QStringLiteral("server/") + section.title)) {
            for (int c = 0; c + 1 < section.columns.size(); ++c)
                tree->resizeColumnToContents(c);
        }
        m_ui->detailsTabs->addTab(tree, QStringLiteral("%1 (%2)").arg(section.title).arg(section.rows.size()));
    }
    m_ui->detailsTabs->setCurrentIndex(std::max(0, current));
    emit detailsShown();
}

void ServerPage::clearDetails()
{
    while (m_ui->detailsTabs->count() > 0) {
        QWidget *page = m_ui->detailsTabs->widget(0);
        m_ui->detailsTabs->removeTab(0);
        page->deleteLater();
    }
}

void ServerPage::clear()
{
    m_ui->refreshDetailsButton->setEnabled(false);
    clearDetails();
    for (QLabel *value : {m_ui->targetValue, m_ui->looksLikeValue, m_ui->serverVersionValue, m_ui->databaseValue,
                          m_ui->userValue, m_ui->featuresValue})
        value->clear();
}
