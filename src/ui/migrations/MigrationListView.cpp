#include "ui/migrations/MigrationListView.h"

#include "ui/common/RememberedLayout.h"

#include "ui/migrations/StateIcon.h"

#include <QLineEdit>
#include <QTreeWidget>

namespace {

// A migration by its version; a skipped file, which has none, by its name.
QString keyOf(const MigrationStatusRow &row)
{
    return row.state == MigrationState::Skipped ? row.name : row.version;
}

}  // namespace

MigrationListView::MigrationListView(QTreeWidget *tree, QLineEdit *filter, QObject *parent)
    : QObject(parent)
    , m_tree(tree)
    , m_filter(filter)
{
    RememberedLayout::keep(m_tree->header(), QStringLiteral("migrations/list"));
    connect(m_filter, &QLineEdit::textChanged, this, &MigrationListView::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &MigrationListView::selectionChanged);
}

void MigrationListView::showRows(const QList<MigrationStatusRow> &rows)
{
    const QString keep = selectedVersion();
    m_rows = rows;
    {
        const QSignalBlocker quiet(m_tree);
        m_tree->clear();
        for (const MigrationStatusRow &row : m_rows) {
            auto *item = new QTreeWidgetItem(m_tree);
            item->setText(VersionColumn, row.version);
            item->setText(NameColumn, row.name);
            item->setText(StateColumn, migrationStateName(row.state));
            item->setIcon(StateColumn, stateIcon(row.state));
            if (row.appliedAt)
                item->setText(AppliedColumn, QStringLiteral("%1 %2").arg(row.appliedAt->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                             row.appliedBy));
            else if (row.state == MigrationState::Applied)
                item->setText(AppliedColumn, tr("by another tool"));
            item->setToolTip(StateColumn, row.detail);
            item->setToolTip(NameColumn, row.name);
            item->setData(0, Qt::UserRole, keyOf(row));
        }
        for (int c = 0; c < ColumnCount && !RememberedLayout::userSized(m_tree->header()); ++c)
            m_tree->resizeColumnToContents(c);
        applyFilter();
        selectVersion(keep.isEmpty() && !m_rows.isEmpty() ? m_rows.first().version : keep);
    }
    emit selectionChanged();  // once, for the whole refresh
}

void MigrationListView::applyFilter()
{
    const QString filter = m_filter->text().trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        const bool match = filter.isEmpty() || item->text(0).contains(filter, Qt::CaseInsensitive)
            || item->text(1).contains(filter, Qt::CaseInsensitive) || item->text(2).contains(filter, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

QString MigrationListView::selectedVersion() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

const MigrationStatusRow *MigrationListView::row(const QString &key) const
{
    const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const MigrationStatusRow &r) { return keyOf(r) == key; });
    return found == m_rows.cend() ? nullptr : &*found;
}

const MigrationStatusRow *MigrationListView::selectedRow() const
{
    const QString version = selectedVersion();
    return version.isEmpty() ? nullptr : row(version);
}

void MigrationListView::selectVersion(const QString &version)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == version) {
            m_tree->setCurrentItem(item);
            return;
        }
    }
}
