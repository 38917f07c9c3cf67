#include "ui/todos/TodoPage.h"

#include "ui_TodoPage.h"

#include "ui/common/RememberedLayout.h"

#include "core/run/Actor.h"
#include "core/todo/StatusExport.h"
#include "db/workers/DbWorker.h"
#include "db/workers/WorkerCall.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>

namespace {
const int kIndexRole = Qt::UserRole;
const int kCheckRole = Qt::UserRole + 1;
}  // namespace

TodoPage::TodoPage(DbWorker *worker, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TodoPage>())
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_ui->mojibakeLabel->setVisible(false);
    m_confirmRepair = [this](const QList<MojibakeFinding> &findings) {
        QStringList lines;
        for (const MojibakeFinding &f : findings.mid(0, 8))
            lines << tr("line %1: “%2” becomes “%3”").arg(f.line).arg(f.found, f.repaired);
        return QMessageBox::question(this, tr("Repair characters"),
                                     tr("Rewrite these lines of %1?\n\n%2").arg(m_path, lines.join(QLatin1Char('\n'))))
            == QMessageBox::Yes;
    };
    connect(m_ui->reloadButton, &QPushButton::clicked, this, &TodoPage::reload);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &TodoPage::checkEvidence);
    connect(m_ui->repairButton, &QPushButton::clicked, this, &TodoPage::repairCharacters);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &TodoPage::exportRequested);
    connect(m_ui->openButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Status document"), m_path, tr("Markdown (*.md *.txt)"));
        if (!path.isEmpty())
            setDocumentPath(path);
    });
    connect(m_ui->todoTree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (!m_populating && column == 0)
            onItemChanged(item->data(0, kIndexRole).toInt(), item->checkState(0) == Qt::Checked);
    });
    connect(m_worker, &DbWorker::evidenceChecked, this, &TodoPage::showEvidence);
    // What the columns cut short is read whole below the list.
    connect(m_ui->todoTree, &QTreeWidget::currentItemChanged, this, &TodoPage::showDetail);
    m_ui->todoSplitter->setStretchFactor(0, 3);
    m_ui->todoSplitter->setStretchFactor(1, 1);
    RememberedLayout::keep(m_ui->todoSplitter, QStringLiteral("todos/splitter"));
    m_widthsRemembered = RememberedLayout::keep(m_ui->todoTree->header(), QStringLiteral("todos/columns"));
    setConnected(false);
}

void TodoPage::showDetail()
{
    const QTreeWidgetItem *item = m_ui->todoTree->currentItem();
    if (!item) {
        m_ui->todoDetail->clear();
        return;
    }
    QStringList parts{item->text(1), item->toolTip(1), QString(), tr("Evidence: %1").arg(item->text(2)), item->toolTip(2)};
    if (!item->text(3).isEmpty())
        parts << QString() << tr("Ticked: %1").arg(item->text(3));
    m_ui->todoDetail->setPlainText(parts.join(QLatin1Char('\n')).trimmed());
}

TodoPage::~TodoPage() = default;

void TodoPage::setDocumentPath(const QString &path)
{
    m_path = path;
    reload();
}

void TodoPage::setConnected(bool connected)
{
    m_connected = connected;
    m_ui->checkButton->setEnabled(connected && !m_document.items().isEmpty());
    m_ui->exportButton->setEnabled(connected && !m_loaded.isEmpty());
    if (connected && !m_document.items().isEmpty())
        checkEvidence();
}

void TodoPage::reload()
{
    m_ui->fileLabel->setText(m_path);
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_document = TodoDocument();
        m_loaded.clear();
        m_ui->statusLabel->setText(tr("Cannot read %1: %2").arg(m_path, file.errorString()));
        showItems();
        return;
    }
    m_loaded = file.readAll();
    QString error;
    if (!TodoDocument::parse(m_loaded, &m_document, &error)) {
        m_document = TodoDocument();
        m_ui->statusLabel->setText(tr("%1:%2").arg(m_path, error));
        showItems();
        return;
    }
    m_ui->statusLabel->setText(m_document.items().isEmpty()
                                   ? tr("%1 has no checklist items (lines like “- [ ] text”).").arg(m_path)
                                   : tr("%1 TODOs, %2 ticked.")
                                         .arg(m_document.items().size())
                                         .arg(std::count_if(m_document.items().begin(), m_document.items().end(),
                                                            [](const TodoItem &i) { return i.checked; })));
    showItems();
    if (m_connected)
        checkEvidence();
}

QString TodoPage::tickKey(const TodoItem &item) const
{
    const QByteArray id = QCryptographicHash::hash((m_path + QLatin1Char('\n') + item.text).toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("todo-ticks/%1").arg(QString::fromLatin1(id.toHex()));
}

void TodoPage::showItems()
{
    m_populating = true;
    m_ui->todoTree->clear();
    const QSettings settings;
    for (int i = 0; i < m_document.items().size(); ++i) {
        const TodoItem &todo = m_document.items().at(i);
        auto *item = new QTreeWidgetItem(m_ui->todoTree);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, todo.checked ? Qt::Checked : Qt::Unchecked);
        item->setData(0, kIndexRole, i);
        item->setText(1, todo.text);
        item->setToolTip(1, tr("%1, line %2").arg(todo.section).arg(todo.line));
        const QString check = TodoEvidence::checkFor(todo);
        item->setData(0, kCheckRole, check);
        item->setText(2, TodoEvidence::isKnown(check) ? tr("not checked yet") : tr("no automatic check"));
        item->setToolTip(2, TodoEvidence::describe(check));
        item->setText(3, settings.value(tickKey(todo)).toString());
    }
    if (!m_widthsRemembered) {
        m_ui->todoTree->resizeColumnToContents(0);
        m_ui->todoTree->setColumnWidth(1, 420);
        m_ui->todoTree->setColumnWidth(2, 360);
    }
    m_populating = false;
    showDetail();

    const QList<MojibakeFinding> findings = m_document.mojibake();
    m_ui->mojibakeLabel->setVisible(!findings.isEmpty());
    m_ui->repairButton->setEnabled(!findings.isEmpty());
    if (!findings.isEmpty())
        m_ui->mojibakeLabel->setText(tr("%n character sequence(s) arrived double-encoded, e.g. line %1: “%2” should read “%3”. "
                                        "Repair characters rewrites those lines.", nullptr, int(findings.size()))
                                         .arg(findings.first().line)
                                         .arg(findings.first().found, findings.first().repaired));
    m_ui->checkButton->setEnabled(m_connected && !m_document.items().isEmpty());
    m_ui->exportButton->setEnabled(m_connected && !m_loaded.isEmpty());
}

bool TodoPage::save(const QByteArray &expectedOnDisk)
{
    // Refuse to overwrite edits made elsewhere since the file was read.
    QFile current(m_path);
    if (!current.open(QIODevice::ReadOnly) || current.readAll() != expectedOnDisk) {
        // Reload after the current event: this may run inside the tree's itemChanged.
        QMetaObject::invokeMethod(this, [this] {
            reload();
            m_ui->statusLabel->setText(tr("%1 changed on disk since it was read; it was reloaded, nothing was "
                                          "written. Tick again.").arg(m_path));
        }, Qt::QueuedConnection);
        return false;
    }
    current.close();
    QSaveFile file(m_path);
    const QByteArray bytes = m_document.toBytes();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const QString why = file.errorString();
        QMetaObject::invokeMethod(this, [this, why] {
            reload();
            m_ui->statusLabel->setText(tr("Could not write %1: %2; the file is unchanged.").arg(m_path, why));
        }, Qt::QueuedConnection);
        return false;
    }
    m_loaded = bytes;
    emit documentChanged();
    return true;
}

void TodoPage::onItemChanged(int index, bool checked)
{
    if (index < 0 || index >= m_document.items().size() || m_document.items().at(index).checked == checked)
        return;
    m_document.setChecked(index, checked);
    if (!save(m_loaded))
        return;
    const TodoItem &todo = m_document.items().at(index);
    const QString record = tr("%1 by %2, %3")
                               .arg(checked ? tr("ticked") : tr("unticked"), currentActor(),
                                    QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QSettings().setValue(tickKey(todo), record);
    m_ui->statusLabel->setText(tr("Line %1 of %2 rewritten: %3").arg(todo.line).arg(m_path, record));
    // Update the row in place: this runs inside the tree's itemChanged, so the items must stay.
    if (QTreeWidgetItem *item = m_ui->todoTree->topLevelItem(index))
        item->setText(3, record);
    if (m_connected)
        checkEvidence();
}

bool TodoPage::addItem(const QString &text, const QString &checkId)
{
    if (m_path.isEmpty() || m_loaded.isEmpty()) {
        m_ui->statusLabel->setText(tr("No status document is open: nothing was added."));
        return false;
    }
    for (const TodoItem &item : m_document.items()) {
        if (item.checkId == checkId && !item.checked) {
            m_ui->statusLabel->setText(tr("Line %1 already tracks %2.").arg(item.line).arg(checkId));
            return false;
        }
    }
    const int index = m_document.appendItem(text, checkId);
    if (!save(m_loaded))
        return false;
    reload();
    m_ui->statusLabel->setText(tr("Added line %1 to %2: %3").arg(m_document.items().value(index).line).arg(m_path, text));
    if (m_connected)
        checkEvidence();
    return true;
}

void TodoPage::checkEvidence()
{
    QStringList checks;
    for (const TodoItem &item : m_document.items()) {
        const QString check = TodoEvidence::checkFor(item);
        if (TodoEvidence::isKnown(check) && !checks.contains(check))
            checks << check;
    }
    if (checks.isEmpty())
        return;
    m_ui->checkButton->setEnabled(false);
    postTo(m_worker, [checks](DbWorker &w) { w.checkEvidence(checks); });
}

void TodoPage::showEvidence(const QList<EvidenceResult> &results)
{
    m_ui->checkButton->setEnabled(m_connected && !m_document.items().isEmpty());
    int disagreements = 0;
    for (int i = 0; i < m_ui->todoTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->todoTree->topLevelItem(i);
        const QString check = item->data(0, kCheckRole).toString();
        for (const EvidenceResult &result : results) {
            if (result.checkId != check)
                continue;
            const bool ticked = item->checkState(0) == Qt::Checked;
            const QString verdict = result.unrecorded ? tr("evidence: done by hand, not recorded")
                                                      : (result.done ? tr("evidence: done") : tr("evidence: not done"));
            item->setText(2, result.error ? tr("evidence: could not check (%1)").arg(result.detail)
                                          : verdict + QStringLiteral(" · ") + result.detail);
            item->setToolTip(2, TodoEvidence::describe(check) + QStringLiteral("\n\n") + result.detail);
            item->setForeground(2, result.error        ? QColor(0x80, 0x80, 0x80)
                                   : result.unrecorded ? QColor(0x6a, 0x1b, 0x9a)
                                   : result.done       ? QColor(0x2e, 0x7d, 0x32)
                                                       : QColor(0xb0, 0x00, 0x20));
            const bool disagree = !result.error && ticked != result.done;
            for (int c = 0; c < m_ui->todoTree->columnCount(); ++c)
                item->setBackground(c, disagree ? QColor(0xff, 0xf3, 0xcd) : QBrush());
            if (disagree) {
                ++disagreements;
                item->setToolTip(1, ticked ? tr("Ticked, but the database says it is not done.")
                                           : tr("Not ticked, but the database says it is done."));
            }
        }
    }
    m_ui->statusLabel->setText(disagreements == 0 ? tr("The ticks agree with the database.")
                                                  : tr("%n TODO(s) where the tick and the database disagree (highlighted).",
                                                       nullptr, disagreements));
    showDetail();
    emit evidenceShown();
}

void TodoPage::repairCharacters()
{
    const QList<MojibakeFinding> findings = m_document.mojibake();
    if (findings.isEmpty() || !m_confirmRepair(findings))
        return;
    const QByteArray before = m_loaded;
    const int repaired = m_document.repairMojibake();
    if (save(before)) {
        m_ui->statusLabel->setText(tr("Repaired %n character sequence(s) in %1.", nullptr, repaired).arg(m_path));
        showItems();
    }
}

void TodoPage::exportStatus(const QList<MigrationStatusRow> &rows, const QString &environment)
{
    if (rows.isEmpty()) {
        m_ui->statusLabel->setText(tr("Nothing to export: the migrations page has no state for this connection yet."));
        return;
    }
    const QByteArray before = m_loaded;
    const QByteArray after = exportMigrationSection(before, rows, environment, QDateTime::currentDateTimeUtc());
    TodoDocument updated;
    QString error;
    if (!TodoDocument::parse(after, &updated, &error)) {
        m_ui->statusLabel->setText(tr("Export refused: %1").arg(error));
        return;
    }
    const TodoDocument previous = m_document;
    m_document = updated;
    if (!save(before)) {
        m_document = previous;
        return;
    }
    reload();
    m_ui->statusLabel->setText(tr("The Migrations section of %1 now shows %2; the TODOs and ticks are unchanged.")
                                   .arg(m_path, environment));
}
