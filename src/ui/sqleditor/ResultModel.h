#pragma once

#include "core/sqleditor/QueryResult.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

// One statement's rows for the grid, read from the worker's cursor a page at a time as the view
// scrolls, with at most kMaxPages pages in memory (the least recently shown are dropped and read
// again when shown), so that a million-row result costs what a few thousand rows do. Values are
// shown exactly (numeric as text, jsonb, bytea) through ValueFormat. Expanded mode (\x) shows one
// record after another as column | value lines.
class ResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using PageRequest = std::function<void(qint64 offset, int count)>;
    static constexpr int kMaxPages = 40;

    explicit ResultModel(QObject *parent = nullptr);

    // The first page of a result and how to ask for others.
    void reset(const QueryResult &first, int pageSize, PageRequest request);
    // A page the worker answered (result.offset says which).
    void addPage(const QueryResult &page);
    void setExpanded(bool expanded);
    bool expanded() const { return m_expanded; }
    qint64 rowsKnown() const { return m_known; }
    bool hasMore() const { return m_more; }
    int pagesHeld() const { return int(m_pages.size()); }
    const QStringList &columns() const { return m_columns; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    // The value at a result row and column, asking for its page when it is not held.
    const QString *value(qint64 row, int column) const;
    void touch(qint64 page) const;

    QStringList m_columns;
    QStringList m_types;
    int m_pageSize = 500;
    qint64 m_known = 0;
    bool m_more = false;
    bool m_expanded = false;
    PageRequest m_request;
    QHash<qint64, QList<QStringList>> m_pages;
    mutable QList<qint64> m_recent;   // most recent last
    mutable QSet<qint64> m_requested; // pages asked for and not yet here
};
