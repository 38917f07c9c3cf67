#pragma once

#include "core/browse/ViewAs.h"

#include <QObject>

class QComboBox;

// The SQL editor's "View as" choice: the connection's role, service_role, anon, or a user
// (authenticated, with the user's id asked for when chosen: the statements then run under RLS
// as that user would). Cancelling the question goes back to the connection's role.
class SqlViewAsChooser : public QObject {
    Q_OBJECT
public:
    // `dialogParent`: where the question about the user's id is asked.
    SqlViewAsChooser(QComboBox *combo, QWidget *dialogParent);

    ViewAs current() const;

private:
    void chosen();

    QComboBox *m_combo;
    QWidget *m_dialogParent;
    QString m_userId;
};
