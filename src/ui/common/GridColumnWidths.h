#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QTableView;

// The widths of a data grid's columns that the user drags, remembered by column name under a key
// (a table's name, a query's fingerprint) in the settings: the next time the same table or query
// is shown, in this session or a later one, its columns come back as the user left them. By name,
// not position: a column added to the table or the query does not shift the others. Only the
// columns the user sized are kept; the rest stay as the grid fits them.
class GridColumnWidths : public QObject {
    Q_OBJECT
public:
    // Watches `view` (and is owned by it): whenever its model's columns change, the widths saved
    // under the current key are applied.
    explicit GridColumnWidths(QTableView *view);
    ~GridColumnWidths() override;

    // What the grid shows now; the widths saved under it are applied at once.
    void setKey(const QString &key);

    // Applies the widths saved under the current key to the columns of those names.
    void apply();

private:
    void save();

    QTableView *m_view;
    QString m_key;
    bool m_applying = false;
    // A drag resizes a column many times a second; what it leaves is written once it pauses.
    QTimer m_saveTimer;
};
