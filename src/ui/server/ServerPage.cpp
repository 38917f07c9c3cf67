#include "ui/server/ServerPage.h"

#include "ui_ServerPage.h"

ServerPage::ServerPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ServerPage>())
{
    m_ui->setupUi(this);
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
}

void ServerPage::clear()
{
    for (QLabel *value : {m_ui->targetValue, m_ui->looksLikeValue, m_ui->serverVersionValue, m_ui->databaseValue,
                          m_ui->userValue, m_ui->featuresValue})
        value->clear();
}
