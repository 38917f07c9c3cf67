#include "ui/browse/TableBrowserModel.h"

#include "core/browse/ValueFormat.h"
#include "db/browse/BrowseWorker.h"
#include "db/workers/WorkerCall.h"

#include <QBrush>
#include <QFont>

TableBrowserModel::TableBrowserModel(BrowseWorker *worker, QObject *parent)
    : QAbstractTableModel(parent)
    , m_worker(worker)
{
    connect(m_worker, &BrowseWorker::pageFetched, this, &TableBrowserModel::receive);
}

void TableBrowserModel::clear()
{
    beginResetModel();
    m_generationStart = m_nextTicket;
    m_pages.clear();
    m_requests.clear();
    m_columns.clear();
    m_pending = 0;
    m_recent.clear();
    endResetModel();
}

void TableBrowserModel::browse(const BrowseRequest &browseRequest, const QStringList &types, const ViewAs &viewAs, bool fromEnd)
{
    clear();
    m_request = browseRequest;
    m_request.pageSize = kPageSize;
    m_viewAs = viewAs;
    m_types = types;
    m_atStart = !fromEnd;
    m_atEnd = false;
    if (fromEnd) {
        m_atEnd = true;
        m_atStart = false;
    }
    request(fromEnd ? Purpose::Prepend : Purpose::Append, fromEnd ? PageAnchor::Last : PageAnchor::First, {}, -1);
}

void TableBrowserModel::request(Purpose purpose, PageAnchor anchor, const QStringList &boundary, int page)
{
    const quint64 ticket = m_nextTicket++;
    m_requests.append({ticket, purpose, page});
    ++m_pending;
    postTo(m_worker, [ticket, request = m_request, anchor, boundary, viewAs = m_viewAs](BrowseWorker &w) {
        w.fetchPage(ticket, request, anchor, boundary, viewAs);
    });
}

void TableBrowserModel::receive(quint64 ticket, const BrowsePage &result)
{
    if (ticket < m_generationStart)
        return;  // an answer for a table, filter or role the user has left
    int found = -1;
    for (int i = 0; i < m_requests.size(); ++i) {
        if (m_requests.at(i).ticket == ticket)
            found = i;
    }
    if (found < 0)
        return;
    const Pending pending = m_requests.takeAt(found);
    --m_pending;
    if (result.error.isError()) {
        emit failed(result.error.toString());
        return;
    }
    if (m_columns.isEmpty() && !result.columns.isEmpty()) {
        beginResetModel();
        m_columns = result.columns;
        endResetModel();
    }
    Page page;
    page.rows = result.rows;
    page.count = int(result.rows.size());
    page.loaded = true;
    if (!result.boundaries.isEmpty()) {
        page.first = result.boundaries.first();
        page.last = result.boundaries.last();
    }
    switch (pending.purpose) {
    case Purpose::Append:
        if (page.count < kPageSize)
            m_atEnd = true;
        if (page.count > 0) {
            const int first = rowCount();
            beginInsertRows({}, first, first + page.count - 1);
            m_pages.append(page);
            endInsertRows();
            touch(int(m_pages.size()) - 1);
        }
        break;
    case Purpose::Prepend:
        if (page.count < kPageSize)
            m_atStart = true;
        if (page.count > 0) {
            beginInsertRows({}, 0, page.count - 1);
            m_pages.prepend(page);
            for (int &p : m_recent)
                ++p;
            endInsertRows();
            touch(0);
        }
        break;
    case Purpose::Reload: {
        if (pending.page < 0 || pending.page >= m_pages.size())
            break;
        Page &target = m_pages[pending.page];
        // The page comes back with the rows it had (same boundaries); keep its count stable.
        target.rows = page.rows.mid(0, target.count);
        while (target.rows.size() < target.count)
            target.rows.append(QStringList());
        target.loaded = true;
        target.requested = false;
        int offset = 0;
        for (int p = 0; p < pending.page; ++p)
            offset += m_pages.at(p).count;
        emit dataChanged(index(offset, 0), index(offset + target.count - 1, qMax(0, columnCount() - 1)));
        touch(pending.page);
        break;
    }
    }
    evict();
    emit pageArrived();
}

void TableBrowserModel::touch(int page) const
{
    m_recent.removeAll(page);
    m_recent.prepend(page);
}

int TableBrowserModel::loadedPages() const
{
    return int(std::count_if(m_pages.begin(), m_pages.end(), [](const Page &p) { return p.loaded; }));
}

void TableBrowserModel::evict()
{
    // Forget the rows of the pages used longest ago; their boundaries stay to fetch them again.
    while (loadedPages() > kMaxLoadedPages && !m_recent.isEmpty()) {
        const int victim = m_recent.takeLast();
        if (victim >= 0 && victim < m_pages.size() && m_pages.at(victim).loaded) {
            Page &page = m_pages[victim];
            page.rows.clear();
            page.rows.squeeze();
            page.loaded = false;
        }
    }
}

int TableBrowserModel::pageOfRow(int row, int *offset) const
{
    int start = 0;
    for (int p = 0; p < m_pages.size(); ++p) {
        if (row < start + m_pages.at(p).count) {
            *offset = row - start;
            return p;
        }
        start += m_pages.at(p).count;
    }
    return -1;
}

int TableBrowserModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int rows = 0;
    for (const Page &p : m_pages)
        rows += p.count;
    return rows;
}

int TableBrowserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString TableBrowserModel::rawValue(const QModelIndex &index) const
{
    int offset = 0;
    const int p = pageOfRow(index.row(), &offset);
    if (p < 0 || !m_pages.at(p).loaded)
        return QString();
    return m_pages.at(p).rows.at(offset).value(index.column());
}

QVariant TableBrowserModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    int offset = 0;
    const int p = pageOfRow(index.row(), &offset);
    if (p < 0)
        return {};
    const Page &page = m_pages.at(p);
    if (!page.loaded) {
        if (role == Qt::DisplayRole && !page.requested) {
            // Fetch it again from a neighbour's boundary; the view shows … meanwhile.
            auto *self = const_cast<TableBrowserModel *>(this);
            self->m_pages[p].requested = true;
            if (p > 0)
                self->request(Purpose::Reload, PageAnchor::After, m_pages.at(p - 1).last, p);
            else if (p + 1 < m_pages.size() && !m_atStart)
                self->request(Purpose::Reload, PageAnchor::Before, m_pages.at(p + 1).first, p);
            else
                self->request(Purpose::Reload, PageAnchor::First, {}, p);
        }
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("…")) : QVariant();
    }
    touch(p);
    const QString value = page.rows.at(offset).value(index.column());
    const QString type = m_types.value(index.column());
    switch (role) {
    case Qt::DisplayRole: return ValueFormat::cell(type, value);
    case Qt::ToolTipRole: return ValueFormat::tooltip(type, value);
    case Qt::ForegroundRole: return value.isNull() ? QVariant(QBrush(Qt::gray)) : QVariant();
    case Qt::FontRole: {
        if (!value.isNull())
            return {};
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    case Qt::TextAlignmentRole:
        return ValueFormat::isNumeric(type) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default: return {};
    }
}

QVariant TableBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole && orientation == Qt::Horizontal)
        return m_columns.value(section);
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal)
        return m_types.value(section);
    if (role == Qt::DisplayRole && orientation == Qt::Vertical)
        return m_atStart ? QVariant(section + 1) : QVariant();  // from the end, positions are unknown
    return {};
}

bool TableBrowserModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_pending == 0 && !m_pages.isEmpty();
}

void TableBrowserModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(Purpose::Append, PageAnchor::After, m_pages.last().last, -1);
}

void TableBrowserModel::fetchEarlier()
{
    if (!m_atStart && m_pending == 0 && !m_pages.isEmpty())
        request(Purpose::Prepend, PageAnchor::Before, m_pages.first().first, -1);
}
