#pragma once

#include "core/browse/BrowseTypes.h"

#include <QAbstractTableModel>
#include <QList>

class BrowseWorker;

// Rows of one table, fetched a page at a time by the browse worker with keyset pagination, from
// the start (or from the end) and then onwards as the view scrolls. Memory stays bounded: only
// the pages nearest to where the user looks keep their rows; the others keep just their boundary
// keys and are fetched again when they come back into view. Answers to superseded requests are
// dropped by ticket (a new table, filter, sort or role starts a new generation).
class TableBrowserModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxLoadedPages = 12;

    explicit TableBrowserModel(BrowseWorker *worker, QObject *parent = nullptr);

    // Starts over: from the first page, or from the last when `fromEnd`.
    void browse(const BrowseRequest &request, const QStringList &types, const ViewAs &viewAs, bool fromEnd = false);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool atStart() const { return m_atStart; }
    bool atEnd() const { return m_atEnd; }
    void fetchEarlier();  // from-the-end mode: the page before the first one shown
    int loadedPages() const;
    QString columnType(int column) const { return m_types.value(column); }
    QString rawValue(const QModelIndex &index) const;  // the full text; a null QString for NULL
    bool busy() const { return m_pending > 0; }

signals:
    void pageArrived();
    void failed(const QString &message);

private:
    struct Page {
        QList<QStringList> rows;
        QStringList first;  // boundary of its first row
        QStringList last;   // boundary of its last row
        int count = 0;
        bool loaded = false;
        bool requested = false;
    };
    enum class Purpose { Append, Prepend, Reload };
    struct Pending {
        quint64 ticket;
        Purpose purpose;
        int page;
    };

    void request(Purpose purpose, PageAnchor anchor, const QStringList &boundary, int page);
    void receive(quint64 ticket, const BrowsePage &result);
    void touch(int page) const;
    void evict();
    int pageOfRow(int row, int *offset) const;

    BrowseWorker *m_worker;
    BrowseRequest m_request;
    ViewAs m_viewAs;
    QStringList m_columns;
    QStringList m_types;
    QList<Page> m_pages;
    QList<Pending> m_requests;
    quint64 m_nextTicket = 1;
    quint64 m_generationStart = 1;  // tickets below this belong to an earlier browse
    int m_pending = 0;
    bool m_atStart = true;
    bool m_atEnd = false;
    mutable QList<int> m_recent;  // most recently used pages first
};
