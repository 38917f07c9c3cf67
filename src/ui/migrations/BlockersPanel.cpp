#include "ui/migrations/BlockersPanel.h"

#include "ui/common/TextWhenShown.h"
#include "ui/common/RememberedLayout.h"

#include "ui_BlockersPanel.h"

#include "db/blockers/BlockerMonitor.h"
#include "db/workers/WorkerCall.h"

#include <QMessageBox>

namespace {
const int kWatchIntervalMs = 500;
}

BlockersPanel::BlockersPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::BlockersPanel>())
    , m_monitor(BlockerMonitor::startOnOwnThread())
{
    m_ui->setupUi(this);
    RememberedLayout::keep(m_ui->blockerTree->header(), QStringLiteral("migrations/blockers"));
    m_confirm = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &BlockersPanel::refresh);
    connect(m_ui->cancelQueryButton, &QPushButton::clicked, this, &BlockersPanel::cancelSelected);
    connect(m_ui->terminateButton, &QPushButton::clicked, this, &BlockersPanel::terminateSelected);
    connect(m_ui->blockerTree, &QTreeWidget::currentItemChanged, this, &BlockersPanel::updateButtons);
    connect(m_monitor, &BlockerMonitor::blockersRead, this, &BlockersPanel::showBlockers);
    connect(m_monitor, &BlockerMonitor::backendSignalled, this, &BlockersPanel::showSignalled);
    TextWhenShown::set(m_ui->statusLabel, tr("While a migration runs, the sessions that hold the locks it waits for appear here. "
                                             "Look now lists every blocked session of the database."));
    updateButtons();
}

BlockersPanel::~BlockersPanel()
{
    m_monitor->stop();
}

void BlockersPanel::setConnection(const QString &conninfo)
{
    m_conninfo = conninfo;
    postTo(m_monitor, [conninfo](BlockerMonitor &m) { m.setConnection(conninfo); });
}

void BlockersPanel::setEngineSession(const std::shared_ptr<const std::atomic<int>> &enginePid)
{
    m_enginePid = enginePid;
    postTo(m_monitor, [enginePid](BlockerMonitor &m) { m.setEnginePid(enginePid); });
}

void BlockersPanel::startWatching(const QString &what)
{
    m_watching = what;
    postTo(m_monitor, [](BlockerMonitor &m) { m.watch(kWatchIntervalMs); });
}

void BlockersPanel::stopWatching()
{
    if (m_watching.isEmpty())
        return;
    postTo(m_monitor, [](BlockerMonitor &m) { m.unwatch(); });
    m_ui->statusLabel->setText(tr("%1 has finished; nothing is being watched. Look now lists every blocked session.").arg(m_watching));
    m_watching.clear();
}

void BlockersPanel::refresh()
{
    m_ui->actionLabel->clear();
    const int engine = m_enginePid ? m_enginePid->load() : 0;
    postTo(m_monitor, [pid = m_watching.isEmpty() ? 0 : engine](BlockerMonitor &m) { m.readOnce(pid); });
}

void BlockersPanel::showBlockers(int waitingPid, const QList<BlockingSession> &blockers, const QString &error)
{
    const int keep = selected() ? selected()->pid : 0;
    m_blockers = blockers;
    m_ui->blockerTree->clear();
    if (!error.isEmpty()) {
        m_ui->statusLabel->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(error.toHtmlEscaped()));
        updateButtons();
        emit blockersShown(0);
        return;
    }
    for (const BlockingSession &b : blockers) {
        auto *item = new QTreeWidgetItem(m_ui->blockerTree);
        item->setText(0, QString::number(b.pid));
        item->setText(1, QString::number(b.waitingPid));
        item->setText(2, b.user);
        item->setText(3, b.application);
        item->setText(4, b.state);
        item->setText(5, formatDuration(b.heldForMs));
        item->setText(6, b.holds.isEmpty() ? tr("a row or transaction lock") : b.holds);
        item->setText(7, b.query.simplified().left(160));
        item->setToolTip(7, b.query);
        item->setData(0, Qt::UserRole, b.pid);
        if (!b.canSignal)
            item->setToolTip(0, tr("Your role may not cancel or terminate this session (it needs to be the same role, "
                                   "a member of pg_signal_backend, or a superuser)."));
    }
    for (int c = 0; c < 7 && !RememberedLayout::userSized(m_ui->blockerTree->header()); ++c)
        m_ui->blockerTree->resizeColumnToContents(c);
    const QString who = waitingPid > 0 ? tr("the migration's session (pid %1)").arg(waitingPid) : tr("any session of this database");
    if (blockers.isEmpty()) {
        m_ui->statusLabel->setText(m_watching.isEmpty() ? tr("No session blocks %1.").arg(who)
                                                        : tr("Watching %1 during %2: no session blocks it.").arg(who, m_watching));
    } else {
        const QString wants = blockers.first().wants.isEmpty() ? tr("a lock") : blockers.first().wants;
        const QString waiter = waitingPid > 0 ? tr("The migration's session (pid %1)").arg(waitingPid) : tr("A session");
        m_ui->statusLabel->setText(tr("<b>%1 waits for %2</b>, held by %n session(s) below. Cancel the query or terminate the "
                                      "session to let it go on, or cancel the migration.", nullptr, int(blockers.size()))
                                       .arg(waiter.toHtmlEscaped(), wants.toHtmlEscaped()));
    }
    if (keep)
        selectPid(keep);
    else if (m_ui->blockerTree->topLevelItemCount() > 0)
        m_ui->blockerTree->setCurrentItem(m_ui->blockerTree->topLevelItem(0));
    updateButtons();
    emit blockersShown(int(blockers.size()));
}

void BlockersPanel::selectPid(int pid)
{
    for (int i = 0; i < m_ui->blockerTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->blockerTree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toInt() == pid) {
            m_ui->blockerTree->setCurrentItem(item);
            return;
        }
    }
}

const BlockingSession *BlockersPanel::selected() const
{
    const QTreeWidgetItem *item = m_ui->blockerTree->currentItem();
    if (!item)
        return nullptr;
    const int pid = item->data(0, Qt::UserRole).toInt();
    for (const BlockingSession &b : m_blockers) {
        if (b.pid == pid)
            return &b;
    }
    return nullptr;
}

void BlockersPanel::updateButtons()
{
    const BlockingSession *b = selected();
    m_ui->cancelQueryButton->setEnabled(b && b->canSignal);
    m_ui->terminateButton->setEnabled(b && b->canSignal);
}

void BlockersPanel::cancelSelected()
{
    signalSelected(false);
}

void BlockersPanel::terminateSelected()
{
    signalSelected(true);
}

void BlockersPanel::signalSelected(bool terminate)
{
    const BlockingSession *b = selected();
    if (!b || !b->canSignal)
        return;
    const QString title = terminate ? tr("Terminate session %1?").arg(b->pid) : tr("Cancel the query of session %1?").arg(b->pid);
    const QString question =
        (terminate ? tr("Session %1 ends: its transaction is rolled back, its locks are released, and its client (%2, user %3) "
                        "sees its connection closed.")
                   : tr("The running query of session %1 (%2, user %3) is cancelled; its client sees an error. If the session is "
                        "idle in a transaction, its locks stay until it ends: terminate it instead."))
            .arg(b->pid)
            .arg(b->application.isEmpty() ? tr("unknown application") : b->application, b->user)
        + QStringLiteral("\n\n") + b->query.simplified().left(300);
    if (!m_confirm(title, question)) {
        m_ui->actionLabel->setText(tr("Nothing was sent to session %1.").arg(b->pid));
        return;
    }
    postTo(m_monitor, [pid = b->pid, terminate](BlockerMonitor &m) { m.signalBackend(pid, terminate); });
}

void BlockersPanel::showSignalled(int pid, bool terminate, bool ok, const QString &message)
{
    m_ui->actionLabel->setText(ok ? message.toHtmlEscaped()
                                  : QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped()));
    emit backendSignalled(pid, terminate, ok);
    if (m_watching.isEmpty())
        refresh();
}
