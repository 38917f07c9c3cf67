#include "ui/advise/AdvisorsPage.h"

#include "ui_AdvisorsPage.h"

#include "ui/common/RememberedLayout.h"

#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"

AdvisorsPage::AdvisorsPage(DbWorker *worker, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AdvisorsPage>())
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_ui->advisorsSplitter->setStretchFactor(0, 3);
    m_ui->advisorsSplitter->setStretchFactor(1, 1);
    RememberedLayout::keep(m_ui->advisorsSplitter, QStringLiteral("advisors/splitter"));
    RememberedLayout::keep(m_ui->advisorTree->header(), QStringLiteral("advisors/findings"));
    connect(m_ui->runAdvisorsButton, &QPushButton::clicked, this, &AdvisorsPage::run);
    connect(m_worker, &DbWorker::advisorsRead, this, &AdvisorsPage::show);
    connect(m_ui->advisorTree, &QTreeWidget::currentItemChanged, this, &AdvisorsPage::select);
    connect(m_ui->openFixButton, &QPushButton::clicked, this, [this] { emit openSql(m_ui->advisorFix->toPlainText()); });
    connect(m_ui->addTodoButton, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem *item = m_ui->advisorTree->currentItem();
        if (!item)
            return;
        const AdvisorFinding &finding = m_findings.at(item->data(0, Qt::UserRole).toInt());
        const AdvisorCheck *check = findAdvisorCheck(finding.check);
        emit addTodo(tr("Fix the advisor's %1: %2").arg(finding.check, check ? check->title.toLower() : finding.detail),
                     QStringLiteral("advisor-") + finding.check);
    });
    setConnected(false);
}

AdvisorsPage::~AdvisorsPage() = default;

void AdvisorsPage::setConnected(bool connected)
{
    m_connected = connected;
    m_ui->runAdvisorsButton->setEnabled(connected);
    if (!connected)
        m_ui->advisorsSummary->setText(tr("Connect to run the advisors."));
}

void AdvisorsPage::run()
{
    if (!m_connected)
        return;
    m_ui->runAdvisorsButton->setEnabled(false);
    m_ui->advisorsSummary->setText(tr("Running %1 checks …").arg(advisorChecks().size()));
    postTo(m_worker, [](DbWorker &w) { w.runAdvisors(); });
}

void AdvisorsPage::show(const QList<AdvisorFinding> &findings, const QString &error)
{
    m_ui->runAdvisorsButton->setEnabled(m_connected);
    m_findings = findings;
    m_ui->advisorTree->clear();
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < findings.size(); ++i) {
        const AdvisorFinding &finding = findings.at(i);
        ++counts[int(finding.level)];
        auto *item = new QTreeWidgetItem(m_ui->advisorTree);
        item->setText(0, advisorLevelName(finding.level));
        item->setText(1, finding.check);
        item->setText(2, finding.object);
        item->setText(3, finding.detail);
        item->setToolTip(3, finding.detail);
        item->setData(0, Qt::UserRole, i);
        const QColor colour = finding.level == AdvisorCheck::Level::Error     ? QColor(0xb0, 0x00, 0x20)
            : finding.level == AdvisorCheck::Level::Warning                    ? QColor(0xef, 0x6c, 0x00)
                                                                               : QColor(0x00, 0x83, 0x8f);
        item->setForeground(0, colour);
    }
    for (int c = 0; c < 3 && !RememberedLayout::userSized(m_ui->advisorTree->header()); ++c)
        m_ui->advisorTree->resizeColumnToContents(c);
    m_ui->advisorsSummary->setText(error.isEmpty() ? tr("%1 errors, %2 warnings, %3 info (%4 checks)")
                                                         .arg(counts[int(AdvisorCheck::Level::Error)])
                                                         .arg(counts[int(AdvisorCheck::Level::Warning)])
                                                         .arg(counts[int(AdvisorCheck::Level::Info)])
                                                         .arg(advisorChecks().size())
                                                   : tr("The advisors could not run: %1").arg(error));
    if (m_ui->advisorTree->topLevelItemCount() > 0)
        m_ui->advisorTree->setCurrentItem(m_ui->advisorTree->topLevelItem(0));
    else
        select();
    emit advisorsShown();
}

void AdvisorsPage::select()
{
    const QTreeWidgetItem *item = m_ui->advisorTree->currentItem();
    m_ui->openFixButton->setEnabled(item != nullptr);
    m_ui->addTodoButton->setEnabled(item != nullptr);
    if (!item) {
        m_ui->advisorWhy->clear();
        m_ui->advisorFix->clear();
        return;
    }
    const AdvisorFinding &finding = m_findings.at(item->data(0, Qt::UserRole).toInt());
    const AdvisorCheck *check = findAdvisorCheck(finding.check);
    m_ui->advisorWhy->setText(QStringLiteral("<b>%1</b> (%2): %3").arg(check ? check->title.toHtmlEscaped() : finding.check,
                                                                      finding.object.toHtmlEscaped(),
                                                                      check ? check->why.toHtmlEscaped() : QString()));
    m_ui->advisorFix->setPlainText(finding.fix);
}
