#include "ui/sqleditor/ResultModel.h"

#include "core/browse/ValueFormat.h"

#include <QColor>
#include <QSet>

ResultModel::ResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultModel::reset(const QueryResult &first, int pageSize, PageRequest request)
{
    beginResetModel();
    m_columns = first.columns;
    m_types = first.types;
    m_pageSize = std::max(1, pageSize);
    m_request = std::move(request);
    m_pages.clear();
    m_recent.clear();
    m_requested.clear();
    m_pages.insert(0, first.rows);
    m_recent.append(0);
    m_known = first.rows.size();
    m_more = first.more;
    endResetModel();
}

void ResultModel::addPage(const QueryResult &page)
{
    const qint64 pageIndex = page.offset / m_pageSize;
    m_requested.remove(pageIndex);
    if (!page.ok())
        return;
    const qint64 end = page.offset + page.rows.size();
    // The page at the frontier says whether rows follow (an empty last page says none do).
    if (end >= m_known)
        m_more = page.more;
    m_pages.insert(pageIndex, page.rows);
    touch(pageIndex);
    if (end > m_known) {
        const int shownBefore = rowCount();
        m_known = end;
        beginInsertRows(QModelIndex(), shownBefore, rowCount() - 1);
        endInsertRows();
    } else if (!page.rows.isEmpty()) {
        const int firstRow = int(m_expanded ? page.offset * (m_columns.size() + 1) : page.offset);
        const int lastRow = int(m_expanded ? end * (m_columns.size() + 1) - 1 : end - 1);
        emit dataChanged(index(firstRow, 0), index(lastRow, columnCount() - 1));
    }
    // Memory stays bounded: the least recently shown pages go (the first page stays for the header).
    while (m_pages.size() > kMaxPages && !m_recent.isEmpty()) {
        const qint64 oldest = m_recent.takeFirst();
        if (oldest != pageIndex)
            m_pages.remove(oldest);
    }
}

void ResultModel::touch(qint64 page) const
{
    m_recent.removeOne(page);
    m_recent.append(page);
}

const QString *ResultModel::value(qint64 row, int column) const
{
    const qint64 page = row / m_pageSize;
    const auto found = m_pages.constFind(page);
    if (found == m_pages.constEnd()) {
        if (!m_requested.contains(page) && m_request) {
            m_requested.insert(page);
            m_request(page * m_pageSize, m_pageSize);
        }
        return nullptr;
    }
    touch(page);
    const qint64 at = row - page * m_pageSize;
    if (at >= found->size() || column >= found->at(at).size())
        return nullptr;
    return &found->at(at).at(column);
}

void ResultModel::setExpanded(bool expanded)
{
    beginResetModel();
    m_expanded = expanded;
    endResetModel();
}

int ResultModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_expanded ? m_known * (m_columns.size() + 1) : m_known);
}

int ResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : (m_expanded ? 2 : int(m_columns.size()));
}

QVariant ResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return QVariant();
    qint64 row = index.row();
    int column = index.column();
    if (m_expanded) {
        const int block = int(m_columns.size()) + 1;
        const qint64 record = row / block;
        const int line = int(row % block);
        if (line == 0)
            return role == Qt::DisplayRole && column == 0 ? QVariant(tr("-[ RECORD %1 ]-").arg(record + 1)) : QVariant();
        if (column == 0)
            return role == Qt::DisplayRole ? QVariant(m_columns.at(line - 1)) : QVariant();
        row = record;
        column = line - 1;
    }
    const QString type = m_types.value(column);
    const QString *text = value(row, column);
    switch (role) {
    case Qt::DisplayRole:
        return text ? ValueFormat::cell(type, *text) : QStringLiteral("…");
    case Qt::ToolTipRole:
        return text ? ValueFormat::tooltip(type, *text) : QVariant();
    case Qt::ForegroundRole:
        return text && text->isNull() ? QVariant(QColor(0x90, 0x90, 0x90)) : QVariant();
    case Qt::TextAlignmentRole:
        return ValueFormat::isNumeric(type) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default:
        return QVariant();
    }
}

QVariant ResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QVariant();
    if (orientation == Qt::Vertical)
        return m_expanded ? QVariant() : QVariant(section + 1);
    if (m_expanded)
        return section == 0 ? tr("Column") : tr("Value");
    return QStringLiteral("%1\n%2").arg(m_columns.value(section), m_types.value(section));
}

bool ResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_requested.contains(m_known / m_pageSize);
}

void ResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_request)
        return;
    m_requested.insert(m_known / m_pageSize);
    m_request(m_known, m_pageSize);
}
