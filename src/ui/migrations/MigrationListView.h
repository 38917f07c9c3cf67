#pragma once

#include "core/status/MigrationStatus.h"

#include <QObject>

class QLineEdit;
class QTreeWidget;

// The migration checklist on the left of the migrations page: one line per migration with its
// version, state (icon and word), name and when and by whom it was applied; a filter by version,
// name or state; the selection kept across refreshes.
class MigrationListView : public QObject {
    Q_OBJECT
public:
    // State comes before the name: names run long, and the state is what an admin reads first.
    enum Column { VersionColumn, StateColumn, NameColumn, AppliedColumn, ColumnCount };

    MigrationListView(QTreeWidget *tree, QLineEdit *filter, QObject *parent = nullptr);

    // Replaces the lines, keeping the selected version when it is still there (else the first).
    void showRows(const QList<MigrationStatusRow> &rows);
    const QList<MigrationStatusRow> &rows() const { return m_rows; }
    // The selected line's key: a migration's version, or a skipped file's name.
    QString selectedVersion() const;
    const MigrationStatusRow *selectedRow() const;
    const MigrationStatusRow *row(const QString &key) const;
    void selectVersion(const QString &key);

signals:
    void selectionChanged();

private:
    void applyFilter();

    QTreeWidget *m_tree;
    QLineEdit *m_filter;
    QList<MigrationStatusRow> m_rows;
};
